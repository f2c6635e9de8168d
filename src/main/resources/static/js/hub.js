// Diagram zoom (−, fit, +) and scrolling the current activity into the middle of the view.
(function () {
  document.querySelectorAll('#diagram').forEach(function (card) {
    const box = card.querySelector('.diagram-box');
    const svg = box && box.querySelector('svg');
    if (!svg) { return; }
    const w0 = svg.width.baseVal.value, h0 = svg.height.baseVal.value;
    let scale = 1;
    function apply() { svg.setAttribute('width', Math.round(w0 * scale)); svg.setAttribute('height', Math.round(h0 * scale)); }
    card.querySelectorAll('[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        const z = b.getAttribute('data-zoom');
        scale = z === 'fit' ? Math.min(1, (box.clientWidth - 4) / w0) : Math.max(0.3, Math.min(2.5, scale * parseFloat(z)));
        apply();
      });
    });
    const active = svg.querySelector('.bpmn-active');
    if (active) {
      const r = active.getBBox();
      box.scrollLeft = Math.max(0, (r.x + r.width / 2) * scale - box.clientWidth / 2);
      box.scrollTop = Math.max(0, (r.y + r.height / 2) * scale - box.clientHeight / 2);
    }
  });
})();
