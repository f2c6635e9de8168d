// Diagram zoom (−, fit, +) of the case's diagram image.
(function () {
  document.querySelectorAll('#diagram').forEach(function (card) {
    const box = card.querySelector('.diagram-box');
    const img = box && box.querySelector('img.diagram');
    if (!img) { return; }
    let scale = 1;
    card.querySelectorAll('[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        const z = b.getAttribute('data-zoom'), w0 = img.naturalWidth;
        scale = z === 'fit' ? Math.min(1, (box.clientWidth - 4) / w0) : Math.max(0.3, Math.min(2.5, scale * parseFloat(z)));
        img.style.width = Math.round(w0 * scale) + 'px';
      });
    });
  });
})();
