// newsfacet web page: vanilla JS, no build step. Everything it shows comes from the JSON API
// (/api/search, /api/quotes, /api/facets, /api/articles/{id}, /api/stats); every string from
// the API is escaped before it goes into HTML. The URL (?view=…&q=…&speaker=…) holds the
// whole state, with the API's parameter names, so a view can be bookmarked and shared.
'use strict';
(function () {
  const FACETS = ['speaker', 'country', 'source', 'origin', 'person', 'org', 'place'];
  const IN_SEARCH = ['speaker', 'country', 'source', 'origin']; // facets a search response has
  const LABELS = {
    speaker: 'Speaker', country: 'Country', source: 'Outlet', origin: 'Origin (wire)',
    person: 'Person', org: 'Organization', place: 'Place',
  };
  const PLURAL = {
    speaker: 'speakers', country: 'countries', source: 'outlets', origin: 'origins',
    person: 'people', org: 'organizations', place: 'places',
  };
  const PAGE_SIZE = 20;
  const FACET_TOP = 8; // values shown per facet before "Show more"
  const FACET_MORE = 100; // values shown after "Show more" or while filtering
  const DAY = 86400000;

  const $ = (id) => document.getElementById(id);
  const els = {
    q: $('q'), form: $('search-form'), error: $('error'), stats: $('stats'),
    facets: $('facets'), sidebar: $('sidebar'), clearFilters: $('clear-filters'),
    searchPane: $('search-pane'), articlePane: $('article-pane'), results: $('results'),
    summary: $('summary'), collapse: $('collapse'), sort: $('sort'), chips: $('chips'),
    hits: $('hits'), pager: $('pager'), hist: $('histogram'), histNote: $('histogram-note'),
    histTitle: $('histogram-title'), histBox: $('histogram-box'),
    since: $('since'), until: $('until'), clearDates: $('clear-dates'),
    viewSearch: $('view-search'), viewQuotes: $('view-quotes'),
    anyWord: $('any-word'), fuzzy: $('fuzzy'), exact: $('exact'),
  };

  // ---------------------------------------------------------------- escaping and formatting

  function esc(value) {
    return String(value == null ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // A snippet from the API: text as written with query terms between <b> and </b>. The text
  // is escaped here and only the markers become <mark> elements, always balanced.
  function snippetHtml(snippet) {
    let out = '';
    let open = false;
    for (const part of String(snippet || '').split(/(<b>|<\/b>)/)) {
      if (part === '<b>') {
        if (!open) { out += '<mark>'; open = true; }
      } else if (part === '</b>') {
        if (open) { out += '</mark>'; open = false; }
      } else {
        out += esc(part);
      }
    }
    return open ? out + '</mark>' : out;
  }

  const fmtNum = (n) => Number(n || 0).toLocaleString('en-US');
  const plural = (n, one, many) => `${fmtNum(n)} ${n === 1 ? one : many}`;

  // ---------------------------------------------------------------- state <-> URL

  function emptyState() {
    const filters = {};
    const not = {};
    for (const f of FACETS) { filters[f] = []; not[f] = []; }
    return {
      view: 'search', id: '', q: '', filters, not, since: '', until: '',
      sort: 'relevance', collapse: false, offset: 0,
      // How words match, as the API's exact, fuzzy, no-variants and operator; count-by.
      exact: false, fuzzy: false, noVariants: false, operator: 'and', countBy: 'article',
    };
  }

  function parseState(search) {
    const p = new URLSearchParams(search);
    const s = emptyState();
    const view = p.get('view');
    s.view = view === 'quotes' || view === 'article' ? view : 'search';
    s.id = p.get('id') || '';
    if (s.view === 'article' && !s.id) s.view = 'search';
    s.q = p.get('q') || '';
    for (const f of FACETS) {
      s.filters[f] = unique(p.getAll(f).filter(Boolean));
      s.not[f] = unique(p.getAll('not-' + f).filter(Boolean));
    }
    s.since = validDate(p.get('since'));
    s.until = validDate(p.get('until'));
    s.sort = p.get('sort') === 'date' ? 'date' : 'relevance';
    const flag = (name) => ['', 'true', '1'].includes(p.get(name)) && p.has(name);
    s.collapse = flag('collapse');
    s.exact = flag('exact');
    s.fuzzy = flag('fuzzy');
    s.noVariants = flag('no-variants');
    s.operator = p.get('operator') === 'or' ? 'or' : 'and';
    s.countBy = p.get('count-by') === 'story' ? 'story' : 'article';
    const offset = parseInt(p.get('offset') || '0', 10);
    s.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
    return s;
  }

  function unique(list) { return Array.from(new Set(list)); }
  function validDate(v) { return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : ''; }

  // The page URL of a state: the API's parameter names, defaults left out.
  function stateParams(s) {
    const p = new URLSearchParams();
    if (s.view !== 'search') p.set('view', s.view);
    if (s.view === 'article') { p.set('id', s.id); }
    if (s.q) p.set('q', s.q);
    for (const f of FACETS) for (const v of s.filters[f]) p.append(f, v);
    for (const f of FACETS) for (const v of s.not[f]) p.append('not-' + f, v);
    if (s.since) p.set('since', s.since);
    if (s.until) p.set('until', s.until);
    if (s.sort !== 'relevance') p.set('sort', s.sort);
    if (s.collapse && s.view === 'search') p.set('collapse', 'true');
    if (s.exact) p.set('exact', 'true');
    if (s.fuzzy) p.set('fuzzy', 'true');
    if (s.noVariants) p.set('no-variants', 'true');
    if (s.operator === 'or') p.set('operator', 'or');
    if (s.countBy === 'story') p.set('count-by', 'story');
    if (s.offset > 0 && s.view !== 'article') p.set('offset', String(s.offset));
    return p;
  }

  function stateUrl(s) {
    const qs = stateParams(s).toString();
    return '/' + (qs ? '?' + qs : '');
  }

  // Filter parameters (query text, facets, exclusions, dates) for an API request.
  function filterParams(s, opts) {
    const p = new URLSearchParams();
    const q = s.q.trim();
    if (q) p.set('q', q);
    else if (opts && opts.star) p.set('q', '*');
    for (const f of FACETS) for (const v of s.filters[f]) p.append(f, v);
    for (const f of FACETS) for (const v of s.not[f]) p.append('not-' + f, v);
    if (!(opts && opts.noDates)) {
      if (s.since) p.set('since', s.since);
      if (s.until) p.set('until', s.until);
    }
    if (s.exact) p.set('exact', 'true');
    if (s.fuzzy) p.set('fuzzy', 'true');
    if (s.noVariants) p.set('no-variants', 'true');
    if (s.operator === 'or') p.set('operator', 'or');
    if (s.countBy === 'story' && !(opts && opts.noCountBy)) p.set('count-by', 'story');
    return p;
  }

  function cloneState(s) {
    const c = Object.assign({}, s);
    c.filters = {}; c.not = {};
    for (const f of FACETS) { c.filters[f] = s.filters[f].slice(); c.not[f] = s.not[f].slice(); }
    return c;
  }

  let state = parseState(location.search);

  function navigate(next, opts) {
    const url = stateUrl(next);
    if (opts && opts.replace) history.replaceState(null, '', url);
    else if (url !== location.pathname + location.search) history.pushState(null, '', url);
    render();
  }

  // A change of query or filters goes back to the first page.
  function change(mutator) {
    const next = cloneState(state);
    mutator(next);
    next.offset = 0;
    if (next.view === 'article') next.view = 'search';
    navigate(next);
  }

  // ---------------------------------------------------------------- fetching

  let pageController = null; // aborted when the state changes: stale answers are dropped

  class ApiError extends Error {}

  async function api(path, params, signal) {
    const qs = params ? params.toString() : '';
    let response;
    try {
      response = await fetch(path + (qs ? '?' + qs : ''), {
        signal, headers: { Accept: 'application/json' },
      });
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError('The server cannot be reached (' + (err && err.message) + ').');
    }
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
      throw new ApiError(message);
    }
    if (body === null) throw new ApiError('The server sent an answer that is not JSON.');
    return body;
  }

  function showError(err) {
    if (err && err.name === 'AbortError') return;
    els.error.hidden = false;
    els.error.classList.remove('note');
    els.error.innerHTML = '<strong>Error:</strong> <span class="msg">' + esc(err && err.message ? err.message : err) + '</span>';
    document.body.classList.remove('loading');
  }

  function clearError() {
    els.error.hidden = true;
    els.error.classList.remove('note');
    els.error.textContent = '';
  }

  // ---------------------------------------------------------------- stats (once)

  let stats = null;
  const statsReady = api('/api/stats').then((s) => {
    stats = s;
    const pub = s.published || {};
    let text = `${plural(s.articles || 0, 'article', 'articles')} · ${plural(s.quotes || 0, 'quote', 'quotes')}`;
    if (pub.first && pub.last) text += ` · ${pub.first} to ${pub.last}`;
    els.stats.textContent = text;
    return s;
  }).catch((err) => { els.stats.textContent = ''; if (err.name !== 'AbortError') console.warn(err); return null; });

  // ---------------------------------------------------------------- render

  function syncControls() {
    if (document.activeElement !== els.q || els.q.value.trim() !== state.q.trim()) els.q.value = state.q;
    els.collapse.checked = state.collapse;
    els.collapse.disabled = state.view === 'quotes';
    els.collapse.parentElement.classList.toggle('disabled', state.view === 'quotes');
    els.sort.value = state.sort;
    els.anyWord.checked = state.operator === 'or';
    els.fuzzy.checked = state.fuzzy;
    els.exact.checked = state.exact;
    els.since.value = state.since;
    els.until.value = state.until;
    els.clearDates.hidden = !(state.since || state.until);
    els.viewSearch.href = stateUrl(Object.assign(cloneState(state), { view: 'search', offset: 0 }));
    els.viewQuotes.href = stateUrl(Object.assign(cloneState(state), { view: 'quotes', offset: 0 }));
    els.viewSearch.toggleAttribute('aria-current', state.view === 'search');
    els.viewQuotes.toggleAttribute('aria-current', state.view === 'quotes');
    if (state.view === 'search') els.viewSearch.setAttribute('aria-current', 'page');
    if (state.view === 'quotes') els.viewQuotes.setAttribute('aria-current', 'page');
    const any = FACETS.some((f) => state.filters[f].length || state.not[f].length) || state.since || state.until;
    els.clearFilters.hidden = !any;
    els.q.placeholder = state.view === 'quotes'
      ? 'Search what was said — e.g. sanctions, "multipolar world"   (press / to focus)'
      : 'Search articles — e.g. japan "grain corridor" -oil   (press / to focus)';
    document.body.dataset.view = state.view;
    renderChips();
  }

  function render() {
    state = parseState(location.search);
    if (pageController) pageController.abort();
    pageController = new AbortController();
    const signal = pageController.signal;
    clearError();
    syncControls();
    document.body.classList.add('loading');
    if (state.view === 'article') {
      els.searchPane.hidden = true;
      els.sidebar.hidden = true;
      els.articlePane.hidden = false;
      document.title = 'Article · newsfacet';
      loadArticle(state.id, signal).finally(() => finished(signal));
      return;
    }
    els.searchPane.hidden = false;
    els.sidebar.hidden = false;
    els.articlePane.hidden = true;
    document.title = (state.q ? state.q + ' · ' : '') + (state.view === 'quotes' ? 'Quotes' : 'Search') + ' · newsfacet';
    const jobs = [];
    jobs.push(state.view === 'quotes' ? loadQuotes(signal) : loadSearch(signal));
    jobs.push(loadHistogram(signal));
    for (const f of FACETS) {
      if (state.view === 'search' && IN_SEARCH.includes(f) && !facetUi[f].filter && !facetUi[f].expanded) continue;
      jobs.push(loadFacet(f, signal));
    }
    Promise.allSettled(jobs).then(() => finished(signal));
  }

  // Every request of a state has been answered (tests and scripts wait for data-ready).
  function finished(signal) {
    if (!signal.aborted) {
      document.body.classList.remove('loading');
      document.body.dataset.ready = 'true';
    }
  }

  // ---------------------------------------------------------------- article hits

  // One page of hits from `path` (the article or the quote search), or null when the request
  // was aborted or failed; a failure is shown and empties the list.
  async function fetchPage(path, p, signal) {
    p.set('limit', String(PAGE_SIZE));
    if (state.offset) p.set('offset', String(state.offset));
    let res;
    try {
      res = await api(path, p, signal);
    } catch (err) {
      if (err.name === 'AbortError') return null;
      els.hits.innerHTML = '';
      els.pager.innerHTML = '';
      els.summary.textContent = 'No results';
      els.summary.dataset.total = '0';
      showError(err);
      return null;
    }
    return signal.aborted ? null : res;
  }

  // Which hits of the whole list a page shows, for the summary line.
  function shownRange(res) {
    if (!res.hits.length) return '';
    return ` (${fmtNum(state.offset + 1)}–${fmtNum(state.offset + res.hits.length)} shown)`;
  }

  async function loadSearch(signal) {
    const p = filterParams(state, { star: true });
    if (state.sort !== 'relevance') p.set('sort', state.sort);
    if (state.collapse) p.set('collapse', 'true');
    const res = await fetchPage('/api/search', p, signal);
    if (!res) return;
    const total = res.total || 0;
    const pages = state.collapse && res.stories != null ? res.stories : total;
    let text = plural(total, 'matching article', 'matching articles');
    if (res.stories != null) text += ' in ' + plural(res.stories, 'story', 'stories');
    text += shownRange(res);
    els.summary.textContent = text;
    els.summary.dataset.total = String(total);
    reportFilters(res);
    els.hits.className = 'hits';
    els.hits.start = state.offset + 1;
    els.hits.innerHTML = res.hits.length
      ? res.hits.map(hitHtml).join('')
      : '<li class="empty">Nothing matches. Try fewer words, other filters or a wider date range.</li>';
    renderPager(pages);
    for (const f of IN_SEARCH) {
      if (!facetUi[f].filter && !facetUi[f].expanded) {
        renderFacet(f, (res.facets && res.facets[f]) || [], null);
      }
    }
  }

  function articleHref(id) {
    const s = cloneState(state);
    s.view = 'article'; s.id = id;
    return stateUrl(s);
  }

  function facetLinks(field, values) {
    return values.map((v) => {
      const on = state.filters[field].includes(v);
      return `<button type="button" class="tag${on ? ' on' : ''}" data-add="${esc(field)}" data-value="${esc(v)}" title="${on ? 'Filtered on' : 'Filter on'} ${esc(LABELS[field].toLowerCase())} ${esc(v)}">${esc(v)}</button>`;
    }).join(' ');
  }

  function metaHtml(h) {
    const parts = [];
    parts.push(`<span class="outlet">${esc(h.source || 'unknown outlet')}</span>`);
    if (h.origin && h.origin !== h.source) parts.push(`<span class="origin">from ${esc(h.origin)}</span>`);
    parts.push(`<time${h.published ? ` datetime="${esc(h.published)}"` : ''}>${esc(h.published || 'undated')}</time>`);
    if (h.url) parts.push(`<a class="ext" href="${esc(safeUrl(h.url))}" rel="noopener noreferrer" target="_blank">${esc(hostOf(h.url))}<span class="visually-hidden"> (original, opens in a new tab)</span></a>`);
    else if (h.path) parts.push(`<span class="path">${esc(h.path)}</span>`);
    return parts.join(' <span aria-hidden="true">·</span> ');
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url) ? url : '#';
  }

  function hostOf(url) {
    try { return new URL(url).hostname.replace(/^www\./, ''); } catch (_) { return url; }
  }

  function hitHtml(h) {
    let html = `<li class="hit" data-id="${esc(h.id)}">`;
    html += `<h3 class="title"><a href="${esc(articleHref(h.id))}" data-nav>${esc(h.title || '(untitled)')}</a></h3>`;
    html += `<p class="meta">${metaHtml(h)}</p>`;
    html += `<p class="snippet">${snippetHtml(h.snippet)}</p>`;
    const tags = [];
    if (h.speakers && h.speakers.length) tags.push(`<span class="tags"><span class="k">speakers</span> ${facetLinks('speaker', h.speakers)}</span>`);
    if (h.countries && h.countries.length) tags.push(`<span class="tags"><span class="k">countries</span> ${facetLinks('country', h.countries)}</span>`);
    if (tags.length) html += `<p class="taglist">${tags.join(' ')}</p>`;
    if (h.copies != null && (h.copies > 1 || (h.also && h.also.length))) {
      const also = (h.also || []).map((a) =>
        `<a href="${esc(articleHref(a.id))}" data-nav title="${esc(a.title || '')}${a.published ? ' · ' + esc(a.published) : ''}">${esc(a.source || 'unknown outlet')}</a>`);
      html += `<p class="copies">${plural(h.copies, 'copy', 'copies')}${also.length ? '; also: ' + also.join(', ') : ''}</p>`;
    }
    return html + '</li>';
  }

  function reportFilters(res) {
    const notes = [];
    for (const u of res.unmatched_filters || []) {
      const field = Array.isArray(u) ? u[0] : u.field;
      const value = Array.isArray(u) ? u[1] : u.value;
      const resolved = (res.filters || []).find((r) => r.field === field && r.input === value);
      let note = `No ${field} matching “${value}” in the index`;
      if (resolved && resolved.did_you_mean && resolved.did_you_mean.length) note += `; did you mean ${resolved.did_you_mean.join(', ')}?`;
      notes.push(note);
    }
    for (const r of res.filters || []) {
      if (r.values && r.values.length > 1) {
        notes.push(`${r.excluded ? 'Leaving out' : 'Keeping'} ${r.field} “${r.input}” as: ${r.values.join(', ')}`);
      }
    }
    if (notes.length) {
      els.error.hidden = false;
      els.error.classList.add('note');
      els.error.innerHTML = notes.map((n) => `<p>${esc(n)}</p>`).join('');
    } else {
      els.error.classList.remove('note');
    }
  }

  // ---------------------------------------------------------------- quote hits

  async function loadQuotes(signal) {
    const p = filterParams(state, { noCountBy: true });
    if (state.sort !== 'relevance') p.set('sort', state.sort);
    const res = await fetchPage('/api/quotes', p, signal);
    if (!res) return;
    const total = res.total || 0;
    const text = plural(total, 'matching quote', 'matching quotes') + shownRange(res);
    els.summary.textContent = text;
    els.summary.dataset.total = String(total);
    reportFilters(res);
    els.hits.className = 'hits quotes';
    els.hits.start = state.offset + 1;
    els.hits.innerHTML = res.hits.length
      ? res.hits.map(quoteHtml).join('')
      : '<li class="empty">No quote matches. Quote search looks only at what was said, not at the narrative around it.</li>';
    renderPager(total);
  }

  function speakerHtml(q) {
    if (q.speaker) {
      const on = state.filters.speaker.includes(q.speaker);
      return `<button type="button" class="speaker tag${on ? ' on' : ''}" data-add="speaker" data-value="${esc(q.speaker)}" title="${on ? 'Filtered on' : 'Only quotes of'} ${esc(q.speaker)}">${esc(q.speaker)}</button>`;
    }
    return `<span class="speaker unnamed">${esc(q.unnamed || 'unnamed source')} <small>(unnamed)</small></span>`;
  }

  function quoteHtml(q) {
    let html = `<li class="quote" data-id="${esc(q.id)}">`;
    html += `<blockquote class="qtext ${esc(q.kind)}">${snippetHtml(q.snippet || q.text)}</blockquote>`;
    html += `<p class="who">— ${speakerHtml(q)} <span class="kind">· ${esc(q.kind)}${q.cue ? ', ' + esc(q.cue) : ''}</span></p>`;
    html += `<p class="meta"><a href="${esc(articleHref(q.id))}" data-nav class="atitle">${esc(q.title || '(untitled)')}</a> <span aria-hidden="true">·</span> ${metaHtml(q)}</p>`;
    return html + '</li>';
  }

  // ---------------------------------------------------------------- paging

  function renderPager(total) {
    const pages = Math.ceil(total / PAGE_SIZE);
    if (pages <= 1) { els.pager.innerHTML = ''; return; }
    const current = Math.floor(state.offset / PAGE_SIZE);
    const link = (page, label, extra) => {
      const s = cloneState(state);
      s.offset = page * PAGE_SIZE;
      return `<a href="${esc(stateUrl(s))}" data-nav ${extra || ''}>${label}</a>`;
    };
    const items = [];
    items.push(current > 0 ? link(current - 1, '‹ Previous', 'rel="prev" class="prev"') : '<span class="prev off">‹ Previous</span>');
    const shown = new Set([0, pages - 1]);
    for (let i = current - 2; i <= current + 2; i++) if (i >= 0 && i < pages) shown.add(i);
    let last = -1;
    for (const i of Array.from(shown).sort((a, b) => a - b)) {
      if (i - last > 1) items.push('<span class="gap">…</span>');
      items.push(i === current
        ? `<span class="page current" aria-current="page">${i + 1}</span>`
        : link(i, String(i + 1), `class="page" aria-label="Page ${i + 1}"`));
      last = i;
    }
    items.push(current < pages - 1 ? link(current + 1, 'Next ›', 'rel="next" class="next"') : '<span class="next off">Next ›</span>');
    els.pager.innerHTML = items.join(' ');
  }

  // ---------------------------------------------------------------- facets sidebar

  const facetUi = {}; // per facet: { filter: text in its filter box, expanded, controller, box, list, more }

  function buildSidebar() {
    els.facets.innerHTML = FACETS.map((f) => `
      <section class="facet" data-field="${f}" aria-labelledby="fh-${f}">
        <h3 id="fh-${f}">${LABELS[f]}</h3>
        <input type="search" class="facet-filter" id="ff-${f}" placeholder="Filter ${PLURAL[f]}…"
               aria-label="Filter ${PLURAL[f]} by the start of a word" autocomplete="off" spellcheck="false">
        <ul class="values" id="fv-${f}"><li class="placeholder">…</li></ul>
        <button type="button" class="more linkish" id="fm-${f}" hidden>Show more</button>
      </section>`).join('');
    for (const f of FACETS) {
      const ui = facetUi[f] = {
        filter: '', expanded: false, controller: null, timer: 0,
        box: $('ff-' + f), list: $('fv-' + f), more: $('fm-' + f),
      };
      ui.box.addEventListener('input', () => {
        clearTimeout(ui.timer);
        ui.timer = setTimeout(() => {
          ui.filter = ui.box.value.trim();
          loadFacet(f, pageController ? pageController.signal : null);
        }, 180);
      });
      ui.box.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && ui.box.value) { e.stopPropagation(); ui.box.value = ''; ui.filter = ''; loadFacet(f, null); }
      });
      ui.more.addEventListener('click', () => {
        ui.expanded = !ui.expanded;
        loadFacet(f, pageController ? pageController.signal : null);
      });
    }
  }

  async function loadFacet(f, pageSignal) {
    const ui = facetUi[f];
    if (ui.controller) ui.controller.abort();
    ui.controller = new AbortController();
    const signal = ui.controller.signal;
    if (pageSignal) pageSignal.addEventListener('abort', () => ui.controller && ui.controller.abort(), { once: true });
    const p = filterParams(state, {});
    p.set('field', f);
    p.set('top', String(ui.filter || ui.expanded ? FACET_MORE : FACET_TOP));
    if (ui.filter) p.set('prefix', ui.filter);
    try {
      const res = await api('/api/facets', p, signal);
      if (signal.aborted) return;
      renderFacet(f, res.values || [], res);
    } catch (err) {
      if (err.name === 'AbortError') return;
      ui.list.innerHTML = `<li class="placeholder">${esc(err.message)}</li>`;
    }
  }

  function renderFacet(f, values, res) {
    const ui = facetUi[f];
    const top = ui.filter || ui.expanded ? FACET_MORE : FACET_TOP;
    const included = state.filters[f];
    const excluded = state.not[f];
    const counts = new Map(values.map((v) => [v.value, v.count]));
    let rows = values.slice(0, top).map((v) => ({ value: v.value, count: v.count }));
    // Selected and excluded values always show, even beyond the top ones or outside the
    // filter box's prefix.
    const listed = new Set(rows.map((r) => r.value.toLowerCase()));
    const extra = [];
    for (const v of included.concat(excluded)) {
      if (!listed.has(v.toLowerCase())) {
        extra.push({ value: v, count: counts.has(v) ? counts.get(v) : null });
        listed.add(v.toLowerCase());
      }
    }
    rows = extra.concat(rows);
    // Keep the keyboard focus on the same control across the re-render.
    const active = document.activeElement;
    let focusKey = null;
    if (active && ui.list.contains(active)) focusKey = [active.dataset.value, active.dataset.act];
    const max = Math.max(1, ...rows.map((r) => r.count || 0));
    ui.list.innerHTML = rows.length ? rows.map((r, i) => {
      const inc = included.some((v) => v.toLowerCase() === r.value.toLowerCase());
      const exc = excluded.some((v) => v.toLowerCase() === r.value.toLowerCase());
      const id = `fc-${f}-${i}`;
      const count = r.count == null ? '' : fmtNum(r.count);
      const pct = r.count == null ? 0 : Math.round((r.count / max) * 100);
      return `<li class="fv${inc ? ' included' : ''}${exc ? ' excluded' : ''}" style="--w:${pct}%">`
        + `<input type="checkbox" id="${id}" data-act="include" data-field="${f}" data-value="${esc(r.value)}"${inc ? ' checked' : ''}${exc ? ' aria-describedby="fx-' + id + '"' : ''}>`
        + `<label for="${id}" title="${esc(r.value)}${r.count == null ? '' : ': ' + count}"><span class="v">${esc(r.value)}</span><span class="c" data-count="${esc(r.count == null ? '' : r.count)}">${count}</span></label>`
        + `<button type="button" class="ex" data-act="exclude" data-field="${f}" data-value="${esc(r.value)}" aria-pressed="${exc}" `
        + `aria-label="${exc ? 'Stop leaving out' : 'Leave out'} ${esc(r.value)}" title="${exc ? 'Stop leaving out' : 'Leave out'} ${esc(r.value)}">⊘</button>`
        + (exc ? `<span class="visually-hidden" id="fx-${id}">left out</span>` : '')
        + '</li>';
    }).join('') : `<li class="placeholder">${ui.filter ? 'No ' + PLURAL[f] + ' start so' : 'None'}</li>`;
    if (focusKey) {
      const again = Array.from(ui.list.querySelectorAll('[data-act]')).find((e) => e.dataset.value === focusKey[0] && e.dataset.act === focusKey[1]);
      if (again) again.focus();
    }
    // "Show more" only when there is more to show: the API tells with `other`; a search
    // response's top list tells by its length.
    const more = res ? (res.other || 0) > 0 || ui.expanded : values.length > FACET_TOP;
    ui.more.hidden = !!ui.filter || !more;
    ui.more.textContent = ui.expanded ? 'Show fewer' : 'Show more';
    ui.more.setAttribute('aria-expanded', String(ui.expanded));
  }

  els.facets.addEventListener('change', (e) => {
    const t = e.target;
    if (t.dataset.act !== 'include') return;
    const f = t.dataset.field;
    const v = t.dataset.value;
    change((s) => {
      s.not[f] = s.not[f].filter((x) => x.toLowerCase() !== v.toLowerCase());
      if (t.checked) s.filters[f] = unique(s.filters[f].concat([v]));
      else s.filters[f] = s.filters[f].filter((x) => x.toLowerCase() !== v.toLowerCase());
    });
  });

  els.facets.addEventListener('click', (e) => {
    const t = e.target.closest('button[data-act="exclude"]');
    if (!t) return;
    const f = t.dataset.field;
    const v = t.dataset.value;
    change((s) => {
      const was = s.not[f].some((x) => x.toLowerCase() === v.toLowerCase());
      s.filters[f] = s.filters[f].filter((x) => x.toLowerCase() !== v.toLowerCase());
      if (was) s.not[f] = s.not[f].filter((x) => x.toLowerCase() !== v.toLowerCase());
      else s.not[f] = unique(s.not[f].concat([v]));
    });
  });

  // Speaker and country tags on hits, and speaker names on quotes, add that filter.
  document.addEventListener('click', (e) => {
    const t = e.target.closest('button[data-add]');
    if (!t) return;
    const f = t.dataset.add;
    const v = t.dataset.value;
    if (!FACETS.includes(f)) return;
    change((s) => {
      if (state.view === 'article') s.view = 'search';
      s.not[f] = s.not[f].filter((x) => x !== v);
      if (!s.filters[f].includes(v)) s.filters[f].push(v);
    });
  });

  els.clearFilters.addEventListener('click', () => change((s) => {
    for (const f of FACETS) { s.filters[f] = []; s.not[f] = []; }
    s.since = ''; s.until = '';
  }));

  // Active filters as removable chips above the hits.
  function renderChips() {
    const chips = [];
    for (const f of FACETS) {
      for (const v of state.filters[f]) chips.push({ f, v, kind: 'filters', text: `${LABELS[f]}: ${v}` });
      for (const v of state.not[f]) chips.push({ f, v, kind: 'not', text: `not ${LABELS[f].toLowerCase()}: ${v}` });
    }
    if (state.since || state.until) chips.push({ f: 'date', v: '', kind: 'date', text: `Dates: ${state.since || '…'} to ${state.until || '…'}` });
    els.chips.innerHTML = chips.map((c) =>
      `<li class="chip ${c.kind}"><span>${esc(c.text)}</span><button type="button" data-chip="${c.kind}" data-field="${esc(c.f)}" data-value="${esc(c.v)}" aria-label="Remove filter ${esc(c.text)}" title="Remove">×</button></li>`).join('');
  }

  els.chips.addEventListener('click', (e) => {
    const t = e.target.closest('button[data-chip]');
    if (!t) return;
    const { chip, field, value } = t.dataset;
    change((s) => {
      if (chip === 'date') { s.since = ''; s.until = ''; return; }
      s[chip][field] = s[chip][field].filter((x) => x !== value);
    });
  });

  // ---------------------------------------------------------------- date histogram

  const hist = {
    buckets: [], interval: 'month', lo: 0, hi: 0, width: 800, height: 110, plotH: 86,
    pending: null, // [fromDay, toDay] while brushing or moving with the keyboard
    drag: null,
  };

  const toDay = (iso) => Math.floor(Date.parse(iso + 'T00:00:00Z') / DAY);
  const fromDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);

  function bucketEnd(startDay, interval) {
    if (interval === 'day') return startDay + 1;
    if (interval === 'week') return startDay + 7;
    const d = new Date(startDay * DAY);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY);
  }

  function chooseInterval() {
    const pub = stats && stats.published;
    if (!pub || !pub.first || !pub.last) return 'month';
    const span = toDay(pub.last) - toDay(pub.first);
    if (span <= 92) return 'day';
    if (span <= 2 * 366) return 'week';
    return 'month';
  }

  async function loadHistogram(signal) {
    await statsReady;
    if (signal.aborted) return;
    const interval = chooseInterval();
    // Without since/until, so the range can be widened again; the selection is drawn on top.
    const p = filterParams(state, { noDates: true });
    p.set('field', 'date');
    p.set('interval', interval);
    let res;
    try {
      res = await api('/api/facets', p, signal);
    } catch (err) {
      if (err.name === 'AbortError') return;
      hist.buckets = [];
      drawHistogram();
      els.histNote.textContent = 'Dates unavailable: ' + err.message;
      return;
    }
    if (signal.aborted) return;
    hist.interval = res.interval || interval;
    hist.buckets = (res.buckets || []).map((b) => {
      const start = toDay(b.start);
      return { start, end: bucketEnd(start, hist.interval), count: b.count, iso: b.start };
    });
    hist.undated = res.undated || 0;
    // The x axis spans the whole index (stable across queries) and at least the buckets.
    let lo = Infinity;
    let hi = -Infinity;
    if (stats && stats.published && stats.published.first) {
      lo = toDay(stats.published.first);
      hi = toDay(stats.published.last) + 1;
    }
    for (const b of hist.buckets) { lo = Math.min(lo, b.start); hi = Math.max(hi, b.end); }
    if (state.since) lo = Math.min(lo, toDay(state.since));
    if (state.until) hi = Math.max(hi, toDay(state.until) + 1);
    if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
    if (hist.buckets.length) { lo = Math.min(lo, hist.buckets[0].start); }
    hist.lo = lo; hist.hi = Math.max(hi, lo + 1);
    hist.pending = null;
    const total = hist.buckets.reduce((a, b) => a + b.count, 0);
    els.histTitle.textContent = state.view === 'quotes'
      ? `Publication dates of the articles that match, by ${hist.interval}`
      : `Publication dates of the matches, by ${hist.interval}`;
    const notes = [];
    notes.push(`${plural(total, 'dated match', 'dated matches')}`);
    if (hist.undated) notes.push(`${fmtNum(hist.undated)} undated${state.since || state.until ? ' (left out while a date range is set)' : ''}`);
    notes.push('drag across the chart to pick dates; click a bar for its ' + hist.interval);
    els.histNote.textContent = notes.join(' · ');
    drawHistogram();
  }

  function xOf(day) {
    return ((day - hist.lo) / (hist.hi - hist.lo)) * hist.width;
  }

  function dayAt(x) {
    const clamped = Math.max(0, Math.min(hist.width, x));
    return Math.floor(hist.lo + (clamped / hist.width) * (hist.hi - hist.lo));
  }

  function drawHistogram() {
    const svg = els.hist;
    const w = Math.max(200, Math.round(svg.getBoundingClientRect().width || 800));
    const h = hist.height;
    hist.width = w;
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const plotH = hist.plotH;
    const max = Math.max(1, ...hist.buckets.map((b) => b.count));
    const sel = hist.pending || selectedRange();
    let out = '';
    out += `<rect class="bg" x="0" y="0" width="${w}" height="${plotH}"></rect>`;
    if (sel) {
      const x1 = xOf(sel[0]);
      const x2 = xOf(sel[1] + 1);
      out += `<rect class="sel${hist.pending ? ' pending' : ''}" x="${x1.toFixed(1)}" y="0" width="${Math.max(2, x2 - x1).toFixed(1)}" height="${plotH}"></rect>`;
    }
    for (const b of hist.buckets) {
      const x = xOf(b.start);
      const bw = Math.max(1, xOf(b.end) - x - (xOf(b.end) - x > 4 ? 1 : 0));
      const bh = b.count ? Math.max(2, (b.count / max) * (plotH - 6)) : 0;
      const inside = sel ? b.end - 1 >= sel[0] && b.start <= sel[1] : true;
      out += `<rect class="bar${inside ? '' : ' out'}" data-start="${b.iso}" data-count="${b.count}" x="${x.toFixed(1)}" y="${(plotH - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}"><title>${esc(b.iso)} (${hist.interval}): ${fmtNum(b.count)}</title></rect>`;
    }
    out += `<line class="axis" x1="0" x2="${w}" y1="${plotH + 0.5}" y2="${plotH + 0.5}"></line>`;
    // Ticks: days for a short span, else months (or quarters, or years).
    const ticks = [];
    const spanDays = hist.hi - hist.lo;
    const short = spanDays <= 62;
    if (spanDays > 0 && short) {
      const step = Math.max(1, Math.ceil(spanDays / 10));
      for (let d = hist.lo; d <= hist.hi; d += step) ticks.push(d);
    } else if (spanDays > 0) {
      const first = new Date(hist.lo * DAY);
      const stepMonths = spanDays > 3 * 366 ? 12 : spanDays > 400 ? 3 : 1;
      let y = first.getUTCFullYear();
      let m = first.getUTCMonth();
      for (let guard = 0; guard < 1200; guard++) {
        const day = Math.floor(Date.UTC(y, m, 1) / DAY);
        if (day > hist.hi) break;
        if (day >= hist.lo && m % stepMonths === 0) ticks.push(day);
        m += 1;
        if (m === 12) { m = 0; y += 1; }
      }
    }
    let lastX = -100;
    for (const d of ticks) {
      const x = xOf(d);
      out += `<line class="tick" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${plotH}" y2="${plotH + 4}"></line>`;
      if (x - lastX > 60 && x < w - 30) {
        const date = new Date(d * DAY);
        const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
        const label = short
          ? `${month} ${date.getUTCDate()}`
          : month + (date.getUTCMonth() === 0 || lastX < 0 ? ' ' + date.getUTCFullYear() : '');
        out += `<text x="${(x + 2).toFixed(1)}" y="${plotH + 16}">${esc(label)}</text>`;
        lastX = x;
      }
    }
    if (!hist.buckets.length) out += `<text class="none" x="${w / 2}" y="${plotH / 2}" text-anchor="middle">no dated matches</text>`;
    out += `<rect class="brush" id="brush" x="0" y="0" width="0" height="${plotH}"></rect>`;
    svg.innerHTML = out;
    svg.setAttribute('aria-valuetext', sel ? `${fromDay(sel[0])} to ${fromDay(sel[1])}` : 'all dates');
  }

  function selectedRange() {
    if (!state.since && !state.until) return null;
    const a = state.since ? toDay(state.since) : hist.lo;
    const b = state.until ? toDay(state.until) : hist.hi - 1;
    return [a, b];
  }

  function svgX(evt) {
    const r = els.hist.getBoundingClientRect();
    return ((evt.clientX - r.left) / r.width) * hist.width;
  }

  function applyRange(a, b) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    change((s) => { s.since = fromDay(lo); s.until = fromDay(hi); });
  }

  els.hist.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || hist.hi <= hist.lo) return;
    e.preventDefault();
    els.hist.focus({ preventScroll: true });
    try { els.hist.setPointerCapture(e.pointerId); } catch (_) { /* synthetic events */ }
    hist.drag = { x0: svgX(e), x1: svgX(e) };
  });

  els.hist.addEventListener('pointermove', (e) => {
    if (!hist.drag) return;
    hist.drag.x1 = svgX(e);
    const brush = $('brush');
    if (brush) {
      const x = Math.max(0, Math.min(hist.drag.x0, hist.drag.x1));
      const width = Math.min(hist.width, Math.max(hist.drag.x0, hist.drag.x1)) - x;
      brush.setAttribute('x', x.toFixed(1));
      brush.setAttribute('width', Math.max(0, width).toFixed(1));
    }
  });

  function endDrag(e) {
    if (!hist.drag) return;
    const d = hist.drag;
    hist.drag = null;
    if (e && e.type === 'pointerup') d.x1 = svgX(e);
    if (Math.abs(d.x1 - d.x0) < 4) {
      // A click: the bucket under the pointer.
      const day = dayAt(d.x0);
      const b = hist.buckets.find((k) => day >= k.start && day < k.end);
      if (b) applyRange(b.start, b.end - 1);
      else drawHistogram();
      return;
    }
    applyRange(dayAt(Math.min(d.x0, d.x1)), dayAt(Math.max(d.x0, d.x1)));
  }

  els.hist.addEventListener('pointerup', endDrag);
  els.hist.addEventListener('pointercancel', () => { hist.drag = null; drawHistogram(); });

  // Keyboard: arrows move a one-bucket selection, Shift+arrows widen or narrow it, Enter
  // applies it, Escape clears the dates (or the pending selection).
  els.hist.addEventListener('keydown', (e) => {
    const buckets = hist.buckets;
    if (!buckets.length) return;
    const cur = hist.pending || selectedRange();
    const idxOf = (day) => {
      let i = buckets.findIndex((b) => day >= b.start && day < b.end);
      if (i < 0) i = day < buckets[0].start ? 0 : buckets.length - 1;
      return i;
    };
    let [a, b] = cur ? [idxOf(cur[0]), idxOf(cur[1])] : [buckets.length - 1, buckets.length - 1];
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.key === 'ArrowLeft' ? -1 : 1;
      if (!cur) { /* first press selects the last bucket */ } else if (e.shiftKey) b = Math.max(a, Math.min(buckets.length - 1, b + step));
      else { if (a + step >= 0 && b + step < buckets.length) { a += step; b += step; } }
      hist.pending = [buckets[a].start, buckets[b].end - 1];
      drawHistogram();
      e.preventDefault();
    } else if (e.key === 'Home' || e.key === 'End') {
      const i = e.key === 'Home' ? 0 : buckets.length - 1;
      hist.pending = [buckets[i].start, buckets[i].end - 1];
      drawHistogram();
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (hist.pending) applyRange(hist.pending[0], hist.pending[1]);
      e.preventDefault();
    } else if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') {
      if (hist.pending) { hist.pending = null; drawHistogram(); } else if (state.since || state.until) change((s) => { s.since = ''; s.until = ''; });
      e.preventDefault();
    }
  });

  els.hist.addEventListener('blur', () => { if (hist.pending) { hist.pending = null; drawHistogram(); } });

  function onDateInput(which) {
    return () => {
      const v = validDate(els[which].value);
      if (v === state[which]) return;
      change((s) => { s[which] = v; });
    };
  }
  els.since.addEventListener('change', onDateInput('since'));
  els.until.addEventListener('change', onDateInput('until'));
  els.clearDates.addEventListener('click', () => change((s) => { s.since = ''; s.until = ''; }));

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!els.searchPane.hidden) drawHistogram(); }, 100);
  });

  // ---------------------------------------------------------------- article view

  async function loadArticle(id, signal) {
    const pane = els.articlePane;
    pane.innerHTML = '<p class="loading-note">Loading the article…</p>';
    let a;
    try {
      a = await api('/api/articles/' + encodeURIComponent(id), null, signal);
    } catch (err) {
      if (err.name === 'AbortError') return;
      pane.innerHTML = `<p><a href="${esc(backHref())}" data-nav class="back">‹ Back to the results</a></p>`;
      showError(err);
      return;
    }
    if (signal.aborted) return;
    document.title = (a.title || 'Article') + ' · newsfacet';
    const quotes = (a.quotes || []).slice();
    const located = locateQuotes(a, quotes);
    const markOf = [];
    const titleMarks = marksFor('title', located, markOf);
    const bodyMarks = marksFor('body', located, markOf);
    let html = `<p><a href="${esc(backHref())}" data-nav class="back">‹ Back to the results</a></p>`;
    html += `<h2 class="atitle">${a.title ? markedHtml(a.title, titleMarks, quotes) : '(untitled)'}</h2>`;
    html += `<p class="meta">${metaHtml(a)}</p>`;
    html += '<dl class="afacets">';
    const facets = a.facets || {};
    for (const f of FACETS) {
      const values = facets[f] || [];
      if (!values.length) continue;
      html += `<dt>${esc(LABELS[f])}</dt><dd>${facetLinks(f, values.map((v) => (typeof v === 'string' ? v : v.value)))}</dd>`;
    }
    if (a.story && a.story !== a.id) {
      html += `<dt>Story</dt><dd>a copy of <a href="${esc(articleHref(a.story))}" data-nav>the story's first article</a></dd>`;
    }
    html += '</dl>';
    html += `<div class="acols"><section class="abody" aria-label="Text"><div class="body" id="article-body">${markedHtml(a.body || '', bodyMarks, quotes)}</div></section>`;
    html += `<section class="aquotes" aria-labelledby="aq-h"><h3 id="aq-h">${plural(quotes.length, 'quote', 'quotes')}</h3><ol>`;
    quotes.forEach((q, i) => {
      const found = markOf[i] != null;
      html += `<li class="q${found ? '' : ' unplaced'}" id="ql-${i}">`
        + `<blockquote>${esc(q.text)}</blockquote>`
        + `<p class="who">— ${speakerHtml(q)} <span class="kind">· ${esc(q.kind)}${q.cue ? ', ' + esc(q.cue) : ''}</span>`
        + (found ? ` <a href="#${markOf[i]}" class="jump" data-jump="${markOf[i]}">${located[i].part === 'title' ? 'in the title' : 'in the text'}</a>` : ' <span class="kind">(not found in the text)</span>')
        + '</p></li>';
    });
    html += '</ol></section></div>';
    pane.innerHTML = html;
    pane.dataset.quotes = String(quotes.length);
    pane.dataset.quotesMarked = String(markOf.filter((x) => x != null).length);
  }

  function backHref() {
    const s = cloneState(state);
    s.view = 'search'; s.id = '';
    // Came from the quotes view? history knows; the link goes to the article search.
    return stateUrl(s);
  }

  els.articlePane.addEventListener('click', (e) => {
    const t = e.target.closest('a[data-jump]');
    if (!t) return;
    e.preventDefault();
    const mark = $(t.dataset.jump);
    if (mark) {
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
    }
  });

  // UTF-8 byte offset -> index in a JS string (UTF-16 code units).
  function byteToIndex(text, bytes) {
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      if (b >= bytes) return i;
      const c = text.codePointAt(i);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (c >= 0x10000) i++;
    }
    return text.length;
  }

  function utf8Length(text) {
    return new TextEncoder().encode(text).length;
  }

  function quoteRegex(text) {
    const pattern = text.trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/["“”„]/g, '["“”„]')
      .replace(/['‘’]/g, "['‘’]")
      .replace(/\s+/g, '\\s+');
    return new RegExp(pattern, 'gi');
  }

  // Where each quote is: {part: 'title'|'body', start, end} (indices in that string), or
  // null. Quote positions are byte offsets in "title, blank line, body", so they are turned
  // into indices and the quote's text is looked for nearest to there (in the title when the
  // position is inside it, as for a headline that quotes); a quote whose text does not
  // appear as such is looked for by its opening words.
  function locateQuotes(a, quotes) {
    const body = a.body || '';
    const title = a.title || '';
    const titleBytes = utf8Length(title) + 2;
    return quotes.map((q) => {
      const text = (q.text || '').trim();
      if (!text) return null;
      const pos = q.position == null ? titleBytes : q.position;
      const inTitle = pos < titleBytes;
      const order = inTitle ? [['title', title, byteToIndex(title, pos)], ['body', body, 0]]
        : [['body', body, byteToIndex(body, pos - titleBytes)], ['title', title, 0]];
      for (const [part, str, guess] of order) {
        const hit = findNear(str, text, guess);
        if (hit) return { part, start: hit[0], end: hit[1] };
      }
      return null;
    });
  }

  function findNear(str, text, guess) {
    const nearest = (re, len) => {
      let best = null;
      let m;
      re.lastIndex = 0;
      while ((m = re.exec(str)) !== null) {
        const d = Math.abs(m.index - guess);
        if (!best || d < best.d) best = { start: m.index, end: m.index + (len ? len(m) : m[0].length), d };
        if (m[0].length === 0) re.lastIndex++;
      }
      return best;
    };
    let hit = nearest(quoteRegex(text));
    if (!hit) {
      const words = text.split(/\s+/);
      for (const n of [8, 5, 3]) {
        if (words.length <= n) continue;
        hit = nearest(quoteRegex(words.slice(0, n).join(' ')), (m) => {
          // Mark about as much text as the quote has, to the end of a word.
          const end = Math.min(str.length, m.index + text.length);
          const stop = str.slice(end).search(/[\s"”]/);
          return end - m.index + (stop < 0 ? str.length - end : stop);
        });
        if (hit) break;
      }
    }
    return hit ? [hit.start, hit.end] : null;
  }

  // The marks of one part (title or body): quotes at the same place share one mark (several
  // speakers said it), a quote inside another is nested in it, and a quote that crosses
  // another's edge is left unmarked. Returns [{start, end, idx: [quote indices]}] in text
  // order, and sets markOf[i] to the mark element's id for each quote marked.
  function marksFor(part, located, markOf) {
    const groups = new Map();
    located.forEach((r, i) => {
      if (!r || r.part !== part) return;
      const key = r.start + ':' + r.end;
      if (!groups.has(key)) groups.set(key, { start: r.start, end: r.end, idx: [] });
      groups.get(key).idx.push(i);
    });
    const sorted = Array.from(groups.values()).sort((x, y) => x.start - y.start || y.end - x.end);
    const kept = [];
    const stack = [];
    for (const m of sorted) {
      while (stack.length && stack[stack.length - 1].end <= m.start) stack.pop();
      if (stack.length && m.end > stack[stack.length - 1].end) continue; // crosses an edge
      stack.push(m);
      kept.push(m);
      for (const i of m.idx) markOf[i] = 'quote-' + m.idx[0];
    }
    return kept;
  }

  function markedHtml(str, marks, quotes) {
    let html = '';
    let at = 0;
    const open = [];
    const closeUpTo = (pos) => {
      while (open.length && open[open.length - 1].end <= pos) {
        const m = open.pop();
        html += esc(str.slice(at, m.end)) + '</mark>';
        at = m.end;
      }
    };
    for (const m of marks) {
      closeUpTo(m.start);
      html += esc(str.slice(at, m.start));
      at = m.start;
      const qs = m.idx.map((i) => quotes[i]);
      const who = qs.map((q) => q.speaker || (q.unnamed ? q.unnamed + ' (unnamed)' : 'unnamed source'));
      const whoText = unique(who).join(', ');
      const q0 = qs[0];
      const label = `${whoText} · ${q0.kind}${q0.cue ? ', ' + q0.cue : ''}`;
      html += `<mark class="quote ${esc(q0.kind)}" id="quote-${m.idx[0]}" tabindex="-1" data-speaker="${esc(whoText)}" title="${esc(label)}">`
        + `<span class="qlabel">${esc(whoText)}</span>`;
      open.push(m);
    }
    closeUpTo(Infinity);
    return html + esc(str.slice(at));
  }

  // ---------------------------------------------------------------- global wiring

  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = els.q.value.trim();
    change((s) => { s.q = q; });
  });

  els.collapse.addEventListener('change', () => change((s) => { s.collapse = els.collapse.checked; }));
  els.sort.addEventListener('change', () => change((s) => { s.sort = els.sort.value; }));
  els.anyWord.addEventListener('change', () => change((s) => { s.operator = els.anyWord.checked ? 'or' : 'and'; }));
  els.fuzzy.addEventListener('change', () => change((s) => { s.fuzzy = els.fuzzy.checked; }));
  els.exact.addEventListener('change', () => change((s) => { s.exact = els.exact.checked; }));

  // In-page links (data-nav) go through history.pushState; modified clicks open tabs as usual.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    if (url.pathname + url.search !== location.pathname + location.search) {
      history.pushState(null, '', url.pathname + url.search);
    }
    render();
    if (a.closest('.pager') || a.closest('.hit') || a.closest('.quote') || a.classList.contains('back')) {
      window.scrollTo(0, 0);
      els.results.focus({ preventScroll: true });
    }
  });

  window.addEventListener('popstate', render);

  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const t = e.target;
      const typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (!typing) {
        e.preventDefault();
        els.q.focus();
        els.q.select();
      }
    }
  });

  buildSidebar();
  render();
})();
