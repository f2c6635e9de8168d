// A zone lifecycle task's page: the plan task it is about, read from the zone API with the session (the zone pages
// themselves are rendered on the server). Text from the API is only ever put into the page as text.
(function () {
  const taskCard = document.getElementById('zone-task');
  if (!taskCard) { return; }
  const lang = taskCard.dataset.lang || 'zh-CN';
  const english = lang === 'en';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function fill(template, ...args) {
    return template.replace(/\{(\d)\}/g, (m, i) => args[+i]);
  }
  function show(id, visible) {
    const e = document.getElementById(id);
    if (e) { e.classList.toggle('d-none', !visible); }
  }
  function bureauName(b) {
    return (zoneText.bureaus && zoneText.bureaus[b.code]) || b.name || b.code;
  }
  function load(url) {
    // The API answers in the page's language, whatever the browser's is
    return fetch(url, { headers: { 'Accept': 'application/json', 'Accept-Language': lang },
                        credentials: 'same-origin' })
      .then(r => {
        if (r.status === 404) { return { missing: true }; }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
  }
  function failed() {
    show('zones-loading', false);
    show('zones-error', true);
  }
  // On a zone lifecycle task's page: the plan task it is about, from the zone's tasks[]
  function drawPlanTask(z) {
    show('zones-loading', false);
    if (z.missing) { show('zones-unavailable', true); return; }
    const t = (z.tasks || []).find(x => x.code === taskCard.dataset.task);
    const dl = document.getElementById('zone-task-data');
    if (!t) { dl.parentElement.appendChild(el('div', 'text-muted', zoneText.none)); return; }
    const rows = [
      [zoneText.code, t.code + ' ' + (english && t.titleEn ? t.titleEn : t.title)],
      [zoneText.action, (t.action || '') + ' ' + (t.actionTitle || '')],
      [zoneText.lead, (t.leadBureaus || []).map(bureauName).join(english ? ', ' : '、')],
      [zoneText.supporting, (t.supportingUnits || []).map(bureauName).join(english ? ', ' : '、')],
      [zoneText.status, zoneText.taskStatus[t.status] || t.statusName || t.status || ''],
      [zoneText.progress, (t.progress || 0) + '%'],
      [zoneText.lastReport, t.lastReportOn ? t.lastReportOn + ' ' + (t.lastReportSummary || '') : '—'],
      [zoneText.overdueDays, t.overdueDays > 0 ? fill(zoneText.days, t.overdueDays) : '—']];
    rows.forEach(r => { dl.appendChild(el('dt', 'col-3', r[0])); dl.appendChild(el('dd', 'col-9', r[1])); });
    dl.classList.remove('d-none');
  }

  load('/api/zones/' + encodeURIComponent(taskCard.dataset.zone)).then(drawPlanTask).catch(failed);
})();
