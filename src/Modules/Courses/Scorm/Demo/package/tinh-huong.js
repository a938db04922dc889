// Demo SCO for Training (licence: the project's own). Three message cases; the learner's answers are reported to the
// LMS through the SCORM 2004 runtime (interactions, score, completion and success), and progress is resumable.
(function () {
  var cases = [
    { text: 'Ngân hàng thông báo: tài khoản của bạn bị khóa, bấm vào http://vietcornbank-xacthuc.top để mở lại.',
      options: ['Bấm vào đường dẫn và đăng nhập ngay', 'Không bấm; gọi tổng đài in trên thẻ ngân hàng để kiểm tra', 'Trả lời tin nhắn để hỏi thêm'], right: 1 },
    { text: 'Một người tự xưng là công an yêu cầu chuyển tiền vào "tài khoản tạm giữ" để phục vụ điều tra.',
      options: ['Chuyển tiền để hợp tác điều tra', 'Cung cấp số tài khoản của mình', 'Từ chối; cơ quan công an không làm việc qua điện thoại để yêu cầu chuyển tiền, báo cho công an nơi gần nhất'], right: 2 },
    { text: 'Tin nhắn từ số lạ: "Mã OTP của bạn là 482913. Vui lòng đọc lại mã cho nhân viên để nhận quà."',
      options: ['Không đọc mã OTP cho bất kỳ ai', 'Đọc mã để nhận quà', 'Gửi mã qua mạng xã hội'], right: 0 }
  ];
  function api(win) { for (var i = 0; win && i < 10; i++) { try { if (win.API_1484_11) return win.API_1484_11; } catch (e) { return null; } if (win === win.parent) break; win = win.parent; } return null; }
  window.addEventListener('load', function () {
    var lms = api(window), index = 0, correct = 0;
    if (lms) {
      lms.Initialize('');
      var saved = lms.GetValue('cmi.suspend_data');
      if (saved) { var parts = saved.split(','); index = parseInt(parts[0], 10) || 0; correct = parseInt(parts[1], 10) || 0; }
      lms.SetValue('cmi.completion_status', index >= cases.length ? 'completed' : 'incomplete');
    }
    var box = document.getElementById('case'), result = document.getElementById('result');
    function show() {
      box.textContent = '';
      if (index >= cases.length) { finish(); return; }
      var c = cases[index];
      var h = document.createElement('h2'); h.textContent = 'Tình huống ' + (index + 1) + '/' + cases.length; box.appendChild(h);
      var m = document.createElement('p'); m.className = 'message'; m.textContent = c.text; box.appendChild(m);
      c.options.forEach(function (o, i) {
        var b = document.createElement('button'); b.type = 'button'; b.textContent = o;
        b.addEventListener('click', function () { answer(i); }); box.appendChild(b);
      });
    }
    function answer(i) {
      var ok = i === cases[index].right;
      if (ok) correct++;
      if (lms) {
        var n = lms.GetValue('cmi.interactions._count');
        lms.SetValue('cmi.interactions.' + n + '.id', 'tinh-huong-' + (index + 1));
        lms.SetValue('cmi.interactions.' + n + '.type', 'choice');
        lms.SetValue('cmi.interactions.' + n + '.learner_response', String(i));
        lms.SetValue('cmi.interactions.' + n + '.result', ok ? 'correct' : 'incorrect');
      }
      result.textContent = ok ? 'Đúng.' : 'Chưa đúng: hãy đọc lại dấu hiệu lừa đảo trong bài trước.';
      index++;
      if (lms) { lms.SetValue('cmi.suspend_data', index + ',' + correct); lms.SetValue('cmi.location', String(index)); lms.Commit(''); }
      show();
    }
    function finish() {
      var passed = correct === cases.length;
      result.textContent = 'Bạn trả lời đúng ' + correct + '/' + cases.length + ' tình huống. ' + (passed ? 'Đã hoàn thành.' : 'Hãy mở lại bài để làm lại.');
      if (!lms) return;
      lms.SetValue('cmi.score.min', '0'); lms.SetValue('cmi.score.max', String(cases.length)); lms.SetValue('cmi.score.raw', String(correct));
      lms.SetValue('cmi.score.scaled', String(correct / cases.length));
      lms.SetValue('cmi.completion_status', 'completed');
      lms.SetValue('cmi.success_status', passed ? 'passed' : 'failed');
      if (!passed) lms.SetValue('cmi.suspend_data', '0,0');
      lms.SetValue('cmi.exit', passed ? 'normal' : 'suspend');
      lms.Commit('');
    }
    show();
  });
})();
