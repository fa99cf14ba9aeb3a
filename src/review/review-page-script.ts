/**
 * The page's one script, inlined and allowed by its hash in the page's CSP: filters and keyboard navigation. It reads
 * the postings' status and industry from the page's JSON block and changes only `hidden`, classes and text content;
 * nothing from a posting is ever parsed as HTML or run.
 */
export const reviewPageScript = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var postings = data.postings;
  var failedOnly = document.getElementById('filter-failed');
  var industry = document.getElementById('filter-industry');
  var shown = document.getElementById('shown-count');
  function article(id) { return document.getElementById(id); }
  function row(id) { return document.querySelector('tr[data-for="' + id + '"]'); }
  function visible() {
    return postings.filter(function (posting) { return !article(posting.id).hidden; });
  }
  function apply() {
    var count = 0;
    postings.forEach(function (posting) {
      var hide = (failedOnly.checked && posting.ok) || (industry.value !== '' && posting.industry !== industry.value);
      article(posting.id).hidden = hide;
      row(posting.id).hidden = hide;
      if (!hide) count++;
    });
    shown.textContent = 'Showing ' + count + ' of ' + postings.length + ' postings';
  }
  function select(id) {
    var current = document.querySelector('article.posting.current');
    if (current) { current.classList.remove('current'); current.removeAttribute('aria-current'); }
    var next = article(id);
    next.classList.add('current');
    next.setAttribute('aria-current', 'true');
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'start' });
  }
  function step(by) {
    var list = visible();
    if (list.length === 0) return;
    var current = document.querySelector('article.posting.current');
    var at = -1;
    list.forEach(function (posting, index) { if (current && posting.id === current.id) at = index; });
    var next = at === -1 ? (by > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, at + by));
    select(list[next].id);
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && target.closest && target.closest('input, select, textarea')) return;
    if (event.key === 'j' || event.key === 'ArrowDown') { event.preventDefault(); step(1); }
    else if (event.key === 'k' || event.key === 'ArrowUp') { event.preventDefault(); step(-1); }
    else if (event.key === 'f') { failedOnly.checked = !failedOnly.checked; apply(); }
  });
  failedOnly.addEventListener('change', apply);
  industry.addEventListener('change', apply);
  document.querySelectorAll('article.posting').forEach(function (element) {
    element.addEventListener('focusin', function () {
      if (!element.classList.contains('current')) {
        var current = document.querySelector('article.posting.current');
        if (current) { current.classList.remove('current'); current.removeAttribute('aria-current'); }
        element.classList.add('current');
        element.setAttribute('aria-current', 'true');
      }
    });
  });
  apply();
})();
`;
