// 先声 Herald — 页面行为（不依赖任何框架，htmx 负责局部刷新）。
(function () {
  'use strict';

  // 正文编辑器：contenteditable 与隐藏字段 bodyHtml 同步；段落分隔符用 <p>。
  function initEditors(root) {
    root.querySelectorAll('[contenteditable][data-bind]').forEach(function (editor) {
      if (editor.dataset.ready) return;
      editor.dataset.ready = '1';
      var target = document.getElementById(editor.dataset.bind);
      var sync = function () { if (target) target.value = editor.innerHTML; };
      editor.addEventListener('input', sync);
      editor.addEventListener('blur', sync);
      editor.addEventListener('focus', function () {
        try { document.execCommand('defaultParagraphSeparator', false, 'p'); } catch (e) { /* 旧浏览器忽略 */ }
      });
      // 粘贴时只保留纯文本段落，避免带入网页或 Word 的样式。
      editor.addEventListener('paste', function (e) {
        var text = (e.clipboardData || window.clipboardData).getData('text/plain');
        if (!text) return;
        e.preventDefault();
        var html = text.split(/\r?\n/).filter(function (l) { return l.trim().length > 0; })
          .map(function (l) { return '<p>' + l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '</p>'; }).join('');
        document.execCommand('insertHTML', false, html);
        sync();
      });
      var toolbar = editor.parentElement.querySelector('.editor-toolbar');
      if (toolbar && !toolbar.dataset.ready) {
        toolbar.dataset.ready = '1';
        toolbar.addEventListener('click', function (e) {
          var button = e.target.closest('[data-command]');
          if (!button) return;
          e.preventDefault();
          editor.focus();
          var command = button.dataset.command;
          if (command === 'bold' || command === 'italic') document.execCommand(command);
          else document.execCommand('formatBlock', false, command);
          sync();
        });
      }
    });
  }

  // 表单本机暂存：会话超时、误关页面后回来，填过的内容还在；确认保存或报送成功后清除。
  // 键按用户和表单区分（见 data-autosave），每次打开同一张表单都相同。
  function initAutosave(root) {
    root.querySelectorAll('form[data-autosave]').forEach(function (form) {
      if (form.dataset.autosaveReady) return;
      form.dataset.autosaveReady = '1';
      var key = 'herald.form.' + form.dataset.autosave;
      var fields = function () {
        return Array.prototype.filter.call(form.elements, function (el) {
          return el.name && ['title', 'bodyHtml', 'category', 'eventDate', 'knownAt'].indexOf(el.name) >= 0;
        });
      };
      var syncEditors = function () {
        form.querySelectorAll('[contenteditable][data-bind]').forEach(function (editor) {
          var target = document.getElementById(editor.dataset.bind);
          if (target) target.value = editor.innerHTML;
        });
      };
      try {
        var saved = JSON.parse(localStorage.getItem(key) || 'null');
        if (saved) {
          fields().forEach(function (el) {
            if (saved[el.name] && !el.value) el.value = saved[el.name];
          });
          var editor = form.querySelector('[contenteditable][data-bind="bodyHtml"]');
          if (editor && saved.bodyHtml && editor.innerText.trim() === '') editor.innerHTML = saved.bodyHtml;
        }
      } catch (e) { localStorage.removeItem(key); }
      var timer = null;
      var dirty = false;
      var save = function () {
        clearTimeout(timer);
        timer = null;
        if (!dirty) return;
        syncEditors();
        var data = {};
        fields().forEach(function (el) { data[el.name] = el.value; });
        try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* 存储已满时放弃 */ }
      };
      form.addEventListener('input', function () {
        dirty = true;
        clearTimeout(timer);
        timer = setTimeout(save, 500);
      });
      // 打字后立刻离开页面（点菜单、关页面）也要存下来，不等防抖计时。
      window.addEventListener('pagehide', function () { if (timer !== null) save(); });
      form.addEventListener('submit', function () {
        // 提交前同步编辑器并立即暂存：会话已超时时这次提交会被带到登录页，重新登录后要能找回。
        // 是否成功由服务器决定：只有跳转到"已报送/已保存"的页面才清除暂存（见下）。
        save();
        sessionStorage.setItem('herald.submitted', key);
      });
    });
    var submitted = sessionStorage.getItem('herald.submitted');
    if (submitted) {
      sessionStorage.removeItem('herald.submitted');
      var notice = new URLSearchParams(window.location.search).get('notice');
      if (notice === 'submitted' || notice === 'saved') localStorage.removeItem(submitted);
    }
  }

  // 防止重复提交：提交后禁用按钮（服务器另有提交键去重）。
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var submitter = e.submitter;
    var required = submitter && submitter.dataset.require ? form.querySelector(submitter.dataset.require) : null;
    if (required && required.value.trim() === '') {
      e.preventDefault();
      required.classList.add('is-invalid');
      required.focus();
      alert(submitter.dataset.requireMessage || '');
      return;
    }
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
      return;
    }
    if (form.dataset.submitting) { e.preventDefault(); return; }
    form.dataset.submitting = '1';
    if (submitter && submitter.name) {
      // 禁用后按钮的 name/value 不会随表单提交，先放一个隐藏字段。
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = submitter.name;
      hidden.value = submitter.value;
      form.appendChild(hidden);
    }
    setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // 突发事件开关控制"获知时间"的显示。
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.dataset && el.dataset.toggleTarget) {
      var target = document.querySelector(el.dataset.toggleTarget);
      if (target) target.classList.toggle('d-none', !el.checked);
    }
  });

  // 数据表的"全选本页"：勾上或取消同一表格里同名的行复选框；行复选框变化时，全选框显示全选、部分或未选。
  document.addEventListener('change', function (e) {
    var el = e.target;
    var table = el.closest && el.closest('table');
    if (!table) return;
    if (el.dataset && el.dataset.selectAll) {
      table.querySelectorAll('input[type=checkbox][name="' + el.dataset.selectAll + '"]').forEach(function (box) { box.checked = el.checked; });
      return;
    }
    var all = table.querySelector('input[data-select-all="' + el.name + '"]');
    if (!all) return;
    var boxes = table.querySelectorAll('input[type=checkbox][name="' + el.name + '"]');
    var checked = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
    all.checked = checked === boxes.length;
    all.indeterminate = checked > 0 && checked < boxes.length;
  });

  // htmx 请求带上防伪令牌。
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    if (token) e.detail.headers['X-CSRF-TOKEN'] = token.value;
  });
  document.addEventListener('htmx:beforeRequest', function () {
    document.querySelectorAll('[contenteditable][data-bind]').forEach(function (editor) {
      var target = document.getElementById(editor.dataset.bind);
      if (target) target.value = editor.innerHTML;
    });
  });
  document.addEventListener('htmx:afterSwap', function (e) { initEditors(document); });
  document.addEventListener('htmx:responseError', function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.status === 401) return;
    alert(xhr && xhr.status === 413 ? '上传的文件过大。' : '操作失败，请刷新页面后重试。');
  });

  document.addEventListener('DOMContentLoaded', function () {
    initEditors(document);
    initAutosave(document);
  });
})();
