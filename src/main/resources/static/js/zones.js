// Zone pages: read the zone API of docs/api.md with the session and draw the list or one zone. Text from the API is
// only ever put into the page as text (textContent), never as HTML.
(function () {
  const listPage = document.getElementById('zones-page');
  const zonePage = document.getElementById('zone-page');
  const taskCard = document.getElementById('zone-task');
  const page = listPage || zonePage || taskCard;
  if (!page) { return; }
  const lang = page.dataset.lang || 'zh-CN';
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
  function localName(o) {
    return english && o.nameEn ? o.nameEn : o.name;
  }
  function phaseName(z) {
    return (zoneText.phase[z.phase]) || z.phaseName || z.phase || '';
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
  function progressBar(percent, cls) {
    const outer = el('div', 'progress zone-task-progress');
    const bar = el('div', 'progress-bar ' + (cls || ''));
    bar.style.width = Math.max(0, Math.min(100, percent)) + '%';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuenow', String(percent));
    outer.appendChild(bar);
    return outer;
  }

  function drawList(zones) {
    show('zones-loading', false);
    if (zones.missing) { show('zones-unavailable', true); return; }
    const cards = document.getElementById('zone-cards');
    if (!zones.length) { cards.appendChild(el('div', 'text-muted small', zoneText.none)); }
    zones.forEach(z => {
      const col = el('div', 'col-4');
      const card = el('div', 'card h-100 zone-card');
      card.dataset.zone = z.zoneId;
      const body = el('div', 'card-body py-2');
      const a = el('a', 'fw-semibold stretched-link', localName(z));
      a.href = '/zones/' + encodeURIComponent(z.zoneId);
      body.appendChild(a);
      body.appendChild(el('div', 'mb-1'));
      body.lastChild.appendChild(el('span', 'badge text-bg-primary', phaseName(z)));
      if (typeof z.tasks === 'number') {
        const done = z.done || 0;
        body.appendChild(el('div', 'small text-muted', fill(zoneText.ofTasks, done, z.tasks)));
        body.appendChild(progressBar(z.tasks ? Math.round(100 * done / z.tasks) : 0, 'bg-success'));
        const counts = el('div', 'small mt-1');
        if (z.overdue) { counts.appendChild(el('span', 'badge text-bg-danger me-1', zoneText.overdue + ' ' + z.overdue)); }
        if (z.escalated) { counts.appendChild(el('span', 'badge text-bg-warning', zoneText.escalated + ' ' + z.escalated)); }
        body.appendChild(counts);
      }
      card.appendChild(body);
      col.appendChild(card);
      cards.appendChild(col);
    });
  }

  function drawPhases(z) {
    const bar = document.getElementById('phase-bar');
    const dates = document.getElementById('phase-dates');
    const phases = z.phases || [];
    if (!phases.length) { bar.parentElement.querySelector('.small').classList.add('d-none'); bar.classList.add('d-none'); return; }
    const day = s => new Date(s + 'T00:00:00Z').getTime();
    const total = phases.reduce((sum, p) => sum + Math.max(1, day(p.end) - day(p.start)), 0);
    const order = phases.map(p => p.code);
    const current = order.indexOf(z.phase);
    phases.forEach((p, i) => {
      const seg = el('div', 'progress-bar phase-segment', localName(p));
      seg.style.width = (100 * Math.max(1, day(p.end) - day(p.start)) / total) + '%';
      seg.dataset.phase = p.code;
      const state = z.phase === 'COMPLETED' || (current >= 0 && i < current) ? 'phase-done'
        : i === current ? 'phase-current' : 'phase-later';
      seg.classList.add(state);
      seg.title = p.start + ' – ' + p.end;
      bar.appendChild(seg);
    });
    dates.appendChild(el('span', null, phases[0].start));
    dates.appendChild(el('span', null, phases[phases.length - 1].end));
  }

  function drawZone(z) {
    show('zones-loading', false);
    if (z.missing) { show('zone-missing', true); document.getElementById('bulletin').classList.add('d-none'); return; }
    document.getElementById('zone-name').textContent = localName(z);
    document.title = localName(z) + ' · ' + document.title.split(' · ').pop();
    document.getElementById('zone-phase').textContent = phaseName(z);
    show('zone-progress', true);
    drawPhases(z);
    const tasks = z.tasks || [];
    const done = tasks.filter(t => t.status === 'DONE').length;
    const avg = tasks.length ? Math.round(tasks.reduce((s, t) => s + (t.progress || 0), 0) / tasks.length) : 0;
    const overall = document.getElementById('task-progress');
    overall.style.width = avg + '%';
    overall.textContent = avg + '%';
    document.getElementById('task-progress-label').textContent =
      fill(zoneText.ofTasks, done, tasks.length) + ' · ' + fill(zoneText.avg, avg);

    // tasks per special action, in plan order
    const groups = new Map();
    tasks.forEach(t => {
      const key = t.action || '';
      if (!groups.has(key)) { groups.set(key, { title: t.actionTitle || key, tasks: [] }); }
      groups.get(key).tasks.push(t);
    });
    const holder = document.getElementById('zone-actions');
    if (!tasks.length) { holder.appendChild(el('div', 'text-muted small', zoneText.none)); }
    groups.forEach((g, code) => {
      const card = el('section', 'card mb-2 zone-action');
      card.dataset.action = code;
      const head = el('div', 'card-header py-1 small fw-semibold');
      head.appendChild(el('span', 'mono me-2', code));
      head.appendChild(document.createTextNode(g.title === code ? '' : g.title));
      card.appendChild(head);
      const table = el('table', 'table table-sm mb-0 small hub-table align-middle zone-tasks');
      const cols = el('colgroup');
      ['5%', '31%', '26%', '8%', '10%', '12%', '8%'].forEach(w => { const c = el('col'); c.style.width = w; cols.appendChild(c); });
      table.appendChild(cols);
      const thead = el('thead', 'table-light');
      const hr = el('tr');
      [zoneText.code, zoneText.task, zoneText.lead, zoneText.status, zoneText.progress, zoneText.lastReport,
        zoneText.overdueDays].forEach(h => hr.appendChild(el('th', null, h)));
      thead.appendChild(hr);
      table.appendChild(thead);
      const tbody = el('tbody');
      g.tasks.forEach(t => {
        const tr = el('tr', t.overdueDays > 0 ? 'table-danger-subtle' : '');
        tr.dataset.task = t.code;
        tr.appendChild(el('td', 'mono text-nowrap', t.code));
        const title = el('td');
        title.appendChild(el('div', null, english && t.titleEn ? t.titleEn : t.title));
        if (t.supportingUnits && t.supportingUnits.length) {
          title.appendChild(el('div', 'text-muted supporting',
            zoneText.supporting + ': ' + t.supportingUnits.map(bureauName).join(english ? ', ' : '、')));
        }
        tr.appendChild(title);
        tr.appendChild(el('td', 'lead-bureaus', (t.leadBureaus || []).map(bureauName).join(english ? ', ' : '、')));
        tr.appendChild(el('td', 'text-nowrap status', zoneText.taskStatus[t.status] || t.statusName || t.status || ''));
        const p = el('td', 'progress-cell');
        const pct = t.progress || 0;
        p.appendChild(progressBar(pct, t.status === 'DONE' ? 'bg-success' : ''));
        p.appendChild(el('div', 'text-muted text-center', pct + '%'));
        tr.appendChild(p);
        const report = el('td', 'last-report');
        if (t.lastReportOn) {
          report.appendChild(el('div', 'text-nowrap', t.lastReportOn));
          if (t.lastReportSummary) { report.appendChild(el('div', 'text-muted report-summary', t.lastReportSummary)); }
        } else {
          report.textContent = '—';
        }
        tr.appendChild(report);
        const od = el('td', 'text-nowrap overdue-days');
        if (t.overdueDays > 0) { od.appendChild(el('span', 'badge text-bg-danger', fill(zoneText.days, t.overdueDays))); }
        else { od.textContent = '—'; }
        tr.appendChild(od);
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      card.appendChild(table);
      holder.appendChild(card);
    });
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

  if (listPage) {
    load('/api/zones').then(drawList).catch(failed);
  } else if (taskCard) {
    load('/api/zones/' + encodeURIComponent(taskCard.dataset.zone)).then(drawPlanTask).catch(failed);
  } else {
    // The list first: a 404 there means the zone API is not installed, a 404 for the zone that it is not there
    load('/api/zones').then(zones => {
      if (zones.missing) {
        show('zones-loading', false);
        show('zones-unavailable', true);
        document.getElementById('bulletin').classList.add('d-none');
        return null;
      }
      return load('/api/zones/' + encodeURIComponent(zonePage.dataset.zone)).then(drawZone);
    }).catch(failed);
  }
})();
