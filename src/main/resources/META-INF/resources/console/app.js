// The console: start (census directory, pasted JSON, examples), edit (schema form), report, compare.
import {LANGUAGES, initialLanguage, translate, hasText} from './i18n.js';
import {h, clear, num} from './dom.js';
import {endpoints} from './api.js';
import {groupsOf, renderForm, readForm, showViolations, valueAt} from './form.js';
import {renderReport} from './report.js';
import {renderComparison} from './compare.js';
import {resizeCharts} from './charts.js';
import {initSheets, renderTemplateLinks, downloadWorkbook} from './sheets.js';
import {credentials, banner, renderList, renderProblems, renderReplay} from './assessments.js';

const STORE = 'nqpf-console';
const VIEWS = ['start', 'edit', 'report', 'compare', 'sheets', 'assessments'];
const ASSESSMENT = /^#\/assessments\/([0-9a-f-]{36})$/;
const $ = id => document.getElementById(id);

const state = {
  lang: initialLanguage(localStorage.getItem(`${STORE}.lang`), navigator.languages || [navigator.language]),
  groups: null,        // form groups from the OpenAPI document
  dictionary: {},      // indicator path → data-dictionary entry, in state.lang
  titles: {},          // bottleneck and countermeasure id → title, in titlesLang (from the catalog)
  titlesLang: null,
  profile: null,       // the profile being edited (as loaded; the form's values are read into a copy)
  provenance: null,    // where a census starting profile's figures come from
  report: null,
  comparison: null,
  compareBodies: null, // {before, after} of the last comparison, to redo it in another language
  evaluated: null,     // the profile of the report shown, when it is a live evaluation (it can be saved)
  assessment: null,    // the saved assessment shown (its report is as answered then, never re-evaluated)
  pending: null,       // an assessment link opened before signing in
};

const t = (key, ...args) => translate(state.lang, key, ...args);

const ctx = () => ({
  t, lang: state.lang,
  has: key => hasText(state.lang, key),
  label: path => state.dictionary[path]?.label,
  title: id => state.titles[id] || (hasText(state.lang, 'stage.' + id) ? t('stage.' + id) : id),
  enumLabel: v => hasText(state.lang, 'enum.' + v) ? t('enum.' + v) : v,
  value: v => typeof v === 'boolean' ? t(v ? 'yes' : 'no') : typeof v === 'number' ? num(v, state.lang)
    : typeof v === 'string' ? (hasText(state.lang, 'enum.' + v) ? t('enum.' + v) : v)
      : v === null || v === undefined ? '' : JSON.stringify(v),
});

// ---- status, errors, views -------------------------------------------------------------------------------------

function status(text) {
  $('status').textContent = text || '';
  document.body.toggleAttribute('aria-busy', Boolean(text));
}

function alertBox(box, title, items) {
  if (!title) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  clear(box, h('p', {}, title), items?.length ? h('ul', {}, items.map(i => h('li', {}, i))) : null);
  box.hidden = false;
}

const problemLines = problem => [
  ...(problem?.violations || []).map(v => v.field ? `${v.field}: ${v.message}` : v.message),
  ...(problem?.violations?.length ? [] : [problem?.detail || problem?.title || ''])].filter(Boolean);

async function guarded(action) {
  status(t('busy'));
  alertBox($('alert'));
  try {
    await action();
  } catch (e) {
    alertBox($('alert'), t('error.network', e.message));
  } finally {
    status('');
  }
}

function show(view, focus = true, hash = `#${view}`) {
  document.querySelectorAll('.view').forEach(v => { v.hidden = v.id !== `view-${view}`; });
  document.querySelectorAll('nav a').forEach(a => {
    if (a.dataset.view === view) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  document.body.dataset.view = view;
  resizeCharts();
  if (location.hash !== hash) {
    history.replaceState(null, '', hash);
  }
  if (focus) {
    $(`view-${view}`).querySelector('h2')?.setAttribute('tabindex', '-1');
    $(`view-${view}`).querySelector('h2')?.focus();
  }
}

// ---- language ---------------------------------------------------------------------------------------------------

function applyStaticTexts() {
  document.documentElement.lang = state.lang;
  document.title = t('app.title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  $('lang').value = state.lang;
}

async function loadDictionary() {
  const answer = await endpoints.indicators(state.lang).catch(() => null);
  const entries = answer?.ok ? (Array.isArray(answer.data) ? answer.data : answer.data?.indicators || []) : [];
  state.dictionary = Object.fromEntries(entries.map(e => [e.indicator || e.path, e]));
}

/** The catalog's titles, to name the bottlenecks a report or comparison refers to by id only. */
async function loadTitles() {
  if (state.titlesLang === state.lang) {
    return;
  }
  const answer = await endpoints.catalog(state.lang).catch(() => null);
  const data = answer?.ok ? answer.data : {};
  state.titles = Object.fromEntries([...(data.bottlenecks || []), ...(data.countermeasures || [])].map(e => [e.id, e.title]));
  state.titlesLang = state.lang;
}

async function setLanguage(lang) {
  state.lang = LANGUAGES.includes(lang) ? lang : 'zh-CN';
  localStorage.setItem(`${STORE}.lang`, state.lang);
  applyStaticTexts();
  await guarded(async () => {
    await loadDictionary();
    renderTemplateLinks();
    currentProfile(); // keeps what was typed
    renderEdit();
    renderExamples();
    if (state.assessment) {
      await openAssessment(state.assessment.id, false);
    } else if (state.report && state.reportProfile !== null) {
      await evaluate(false);
    }
    if (state.compareBodies) {
      await compare(state.compareBodies, false);
    }
  });
}

// ---- start ------------------------------------------------------------------------------------------------------

let searchTimer = null;
let searchSeq = 0;

async function search() {
  const q = $('region-q').value.trim();
  const seq = ++searchSeq;
  const answer = await endpoints.regions(q);
  if (seq !== searchSeq) {
    return;
  }
  const year = () => document.querySelector('input[name="census-year"]:checked').value;
  const results = $('region-results');
  if (!answer.ok) {
    clear(results, h('li', {}, problemLines(answer.data).join('; ')));
    return;
  }
  clear(results, answer.data.length ? answer.data.map(r => h('li', {},
    h('button', {type: 'button', class: 'link', 'data-code': r.code,
      onclick: () => guarded(() => loadCensus(r.code, year()))},
    h('strong', {}, r.name), ` · ${r.province} · ${r.code}`)))
    : h('li', {}, t('start.region.none')));
}

async function loadCensus(code, year) {
  const answer = await endpoints.startingProfile(code, year);
  if (!answer.ok) {
    alertBox($('alert'), answer.data?.title || String(answer.status), problemLines(answer.data));
    return;
  }
  $('compare-code').value = code;
  startEditing(answer.data.profile, answer.data.provenance);
}

function startEditing(profile, provenance = null) {
  state.profile = profile;
  state.provenance = provenance;
  state.report = null;
  sessionStorage.setItem(`${STORE}.profile`, JSON.stringify(profile));
  renderEdit();
  alertBox($('edit-errors'));
  show('edit');
}

function renderExamples() {
  const select = $('example-name');
  const current = select.value;
  const examples = state.examples || [];
  clear(select, examples.length ? examples.map(e => h('option', {value: e.name, selected: e.name === current},
    `${e.title || e.name} (${e.name})`)) : h('option', {value: ''}, t('start.example.none')));
  select.disabled = !examples.length;
}

function loadPasted(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    alertBox($('alert'), t('error.json', e.message));
    return;
  }
  // a starting profile of the regions directory holds the profile with its provenance
  if (data && data.profile && typeof data.profile === 'object') {
    startEditing(data.profile, data.provenance || null);
  } else {
    startEditing(data);
  }
}

// ---- edit -------------------------------------------------------------------------------------------------------

function renderEdit() {
  if (!state.groups) {
    return;
  }
  const form = $('profile-form');
  renderForm(form, state.groups, state.profile || {}, {...ctx(), dictionary: state.dictionary});
  const p = state.provenance;
  const provenance = $('provenance');
  provenance.hidden = !p;
  provenance.textContent = p ? t('edit.provenance', p.source, p.license, p.censusYear) : '';
  if (state.report) {
    showViolations(form, [], state.report.warnings || []);
  }
}

function currentProfile() {
  const form = $('profile-form');
  if (!state.profile || !state.groups) {
    return null;
  }
  state.profile = readForm(form, state.groups, state.profile);
  sessionStorage.setItem(`${STORE}.profile`, JSON.stringify(state.profile));
  return state.profile;
}

async function evaluate(navigate = true) {
  const profile = currentProfile();
  if (!profile) {
    alertBox($('alert'), t('error.none'));
    return;
  }
  const answer = await endpoints.evaluate(profile, state.lang);
  const form = $('profile-form');
  if (!answer.ok) {
    const unplaced = showViolations(form, answer.data?.violations || []);
    alertBox($('edit-errors'), `${t('edit.errors')} ${answer.data?.detail || answer.data?.title || answer.status}`,
      unplaced.map(v => v.field ? `${v.field}: ${v.message}` : v.message));
    if (navigate) {
      show('edit', false);
    }
    return;
  }
  alertBox($('edit-errors'));
  showViolations(form, [], answer.data.warnings || []);
  await loadTitles();
  state.report = answer.data;
  state.reportProfile = JSON.parse(JSON.stringify(profile));
  $('report-xlsx').disabled = false;
  state.evaluated = profile;
  state.assessment = null;
  clear($('assessment-banner'));
  $('save-form').hidden = false;
  if (navigate) {
    show('report', false);
  }
  renderReport($('report'), state.report, ctx());
  if (navigate) {
    $('report-title').setAttribute('tabindex', '-1');
    $('report-title').focus();
  }
}

function download() {
  const profile = currentProfile();
  if (!profile) {
    return;
  }
  const link = h('a', {href: URL.createObjectURL(new Blob([JSON.stringify(profile, null, 2)], {type: 'application/json'})),
    download: `${profile.regionId || 'profile'}-${profile.year || ''}.json`});
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ---- compare ----------------------------------------------------------------------------------------------------

async function loadYears() {
  const code = $('compare-code').value.trim();
  const [before, after] = await Promise.all([endpoints.startingProfile(code, $('compare-year-before').value),
    endpoints.startingProfile(code, $('compare-year-after').value)]);
  const failed = [before, after].find(a => !a.ok);
  if (failed) {
    alertBox($('compare-errors'), failed.data?.title || String(failed.status), problemLines(failed.data));
    return;
  }
  alertBox($('compare-errors'));
  $('compare-before').value = JSON.stringify(before.data.profile, null, 2);
  $('compare-after').value = JSON.stringify(after.data.profile, null, 2);
}

async function compare(bodies, focus = true) {
  const answer = await endpoints.compare(bodies.before, bodies.after, state.lang);
  if (!answer.ok) {
    alertBox($('compare-errors'), `${t('compare.errors')} ${answer.data?.detail || answer.data?.title || answer.status}`,
      problemLines(answer.data));
    return;
  }
  alertBox($('compare-errors'));
  await loadTitles();
  state.compareBodies = bodies;
  state.comparison = answer.data;
  $('compare-xlsx').disabled = false;
  renderComparison($('comparison'), answer.data, ctx());
  if (focus) {
    $('compare-title')?.setAttribute('tabindex', '-1');
    $('compare-title')?.focus();
  }
}

function readCompareBodies() {
  const bodies = {};
  for (const side of ['before', 'after']) {
    try {
      bodies[side] = JSON.parse($(`compare-${side}`).value);
    } catch (e) {
      alertBox($('compare-errors'), t('error.json', `${t('compare.' + side)}: ${e.message}`));
      return null;
    }
  }
  return bodies;
}

// ---- assessments -----------------------------------------------------------------------------------------------

function needSignIn(pending = null) {
  state.pending = pending;
  show('assessments');
  alertBox($('assessments-errors'), t('assess.signin.needed'));
  $('signin-password').focus();
}

function renderSignedIn() {
  const user = credentials.user();
  $('signin-form').hidden = Boolean(user);
  $('signed-in').hidden = !user;
  $('signed-in-as').textContent = user ? t('assess.signin.as', user) : '';
}

async function signIn() {
  credentials.set($('signin-user').value.trim(), $('signin-password').value);
  const answer = await endpoints.assessments(null, credentials.header());
  if (!answer.ok) {
    credentials.clear();
    renderSignedIn();
    alertBox($('assessments-errors'), t('assess.signin.failed', answer.data?.detail || answer.status));
    return;
  }
  $('signin-password').value = '';
  alertBox($('assessments-errors'));
  renderSignedIn();
  if (state.pending) {
    const id = state.pending;
    state.pending = null;
    await openAssessment(id);
  } else {
    renderList($('assessment-list'), answer.data, ctx());
  }
}

async function saveAssessment() {
  if (!credentials.header()) {
    needSignIn();
    return;
  }
  const answer = await endpoints.saveAssessment(state.evaluated, $('save-title').value.trim() || null, state.lang,
    credentials.header());
  if (!answer.ok) {
    if (answer.status === 401) {
      credentials.clear();
      renderSignedIn();
      needSignIn();
      return;
    }
    alertBox($('alert'), answer.data?.title || String(answer.status), problemLines(answer.data));
    return;
  }
  $('save-title').value = '';
  status(t('assess.save.done'));
  // the link of the assessment: a reload, a bookmark or a colleague opens it again
  location.hash = `#/assessments/${answer.data.id}`;
}

async function openAssessment(id, focus = true) {
  if (!credentials.header()) {
    needSignIn(id);
    return;
  }
  const answer = await endpoints.assessment(id, credentials.header());
  if (answer.status === 401) {
    credentials.clear();
    renderSignedIn();
    needSignIn(id);
    return;
  }
  if (!answer.ok) {
    show('report', false, `#/assessments/${id}`);
    alertBox($('alert'), answer.data?.title || String(answer.status), problemLines(answer.data));
    return;
  }
  await loadTitles();
  const a = answer.data;
  state.assessment = a;
  state.report = a.report;
  state.evaluated = null;
  // the saved report is never re-evaluated: no workbook made by the active rules under its banner
  state.reportProfile = null;
  $('report-xlsx').disabled = true;
  $('save-form').hidden = true;
  clear($('assessment-banner'), banner(a, ctx(), () => guarded(async () => {
    const replay = await endpoints.replay(a.id, state.lang, credentials.header());
    if (replay.ok) {
      renderReplay($('replay-result'), replay.data, ctx());
    } else {
      alertBox($('alert'), replay.data?.title || String(replay.status), problemLines(replay.data));
    }
  })));
  show('report', false, `#/assessments/${id}`);
  renderReport($('report'), a.report, ctx());
  if (focus) {
    $('report-title').setAttribute('tabindex', '-1');
    $('report-title').focus();
  }
}

async function listAssessments() {
  if (!credentials.header()) {
    needSignIn();
    return;
  }
  const answer = await endpoints.assessments($('list-region').value.trim() || null, credentials.header());
  if (!answer.ok) {
    alertBox($('assessments-errors'), answer.data?.title || String(answer.status), problemLines(answer.data));
    return;
  }
  alertBox($('assessments-errors'));
  renderList($('assessment-list'), answer.data, ctx());
}

async function showProblems() {
  if (!credentials.header()) {
    needSignIn();
    return;
  }
  const answer = await endpoints.problems($('problems-region').value.trim(), state.lang, credentials.header());
  if (!answer.ok) {
    alertBox($('assessments-errors'), answer.data?.title || String(answer.status), problemLines(answer.data));
    return;
  }
  alertBox($('assessments-errors'));
  await loadTitles();
  renderProblems($('problems'), answer.data, ctx());
  $('problems-title')?.setAttribute('tabindex', '-1');
  $('problems-title')?.focus();
}

/** The view of the address: a saved assessment's link, or one of the views. */
function route() {
  const saved = ASSESSMENT.exec(location.hash);
  if (saved) {
    if (state.assessment?.id !== saved[1]) {
      guarded(() => openAssessment(saved[1]));
    }
    return;
  }
  const view = location.hash.slice(1);
  show(VIEWS.includes(view) ? view : 'start');
}

// ---- wiring -----------------------------------------------------------------------------------------------------

function wire() {
  $('lang').addEventListener('change', e => setLanguage(e.target.value));
  window.addEventListener('hashchange', route);
  $('save-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(saveAssessment);
  });
  $('signin-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(signIn);
  });
  $('signout').addEventListener('click', () => {
    credentials.clear();
    renderSignedIn();
  });
  $('list-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(listAssessments);
  });
  $('problems-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(showProblems);
  });
  $('region-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(search);
  });
  $('region-q').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search().catch(err => alertBox($('alert'), t('error.network', err.message))), 200);
  });
  $('paste-form').addEventListener('submit', e => {
    e.preventDefault();
    loadPasted($('paste-json').value);
  });
  $('paste-file').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (file) {
      $('paste-json').value = await file.text();
    }
  });
  $('example-form').addEventListener('submit', e => {
    e.preventDefault();
    const name = $('example-name').value;
    if (name) {
      guarded(async () => {
        const answer = await endpoints.example(name);
        if (answer.ok) {
          startEditing(answer.data);
        } else {
          alertBox($('alert'), answer.data?.detail || String(answer.status));
        }
      });
    }
  });
  $('profile-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(() => evaluate(true));
  });
  $('download').addEventListener('click', download);
  $('years-form').addEventListener('submit', e => {
    e.preventDefault();
    guarded(loadYears);
  });
  document.querySelectorAll('[data-use-current]').forEach(b => b.addEventListener('click', () => {
    const profile = currentProfile();
    if (profile) {
      $(b.dataset.useCurrent).value = JSON.stringify(profile, null, 2);
    }
  }));
  $('report-xlsx').addEventListener('click', () => state.reportProfile && guarded(() => downloadWorkbook(
    'api/v1/recommendations', state.reportProfile, `${state.reportProfile.regionId || 'report'}.xlsx`)));
  $('compare-xlsx').addEventListener('click', () => state.compareBodies && guarded(() => downloadWorkbook(
    'api/v1/recommendations/compare', state.compareBodies, 'compare.xlsx')));
  $('compare-form').addEventListener('submit', e => {
    e.preventDefault();
    const bodies = readCompareBodies();
    if (bodies) {
      guarded(() => compare(bodies));
    }
  });
}

/** A report opened from the spreadsheet view: shown as any report, without a profile to download it from. */
async function openReport(report) {
  await loadTitles();
  state.report = report;
  state.reportProfile = null;
  $('report-xlsx').disabled = true;
  state.assessment = null;
  state.evaluated = null;
  clear($('assessment-banner'));
  $('save-form').hidden = true;
  show('report', false);
  renderReport($('report'), report, ctx());
  $('report-title').setAttribute('tabindex', '-1');
  $('report-title').focus();
}

async function init() {
  wire();
  initSheets({t, ctx, lang: () => state.lang, prepare: loadTitles,
    openReport: report => guarded(() => openReport(report))});
  applyStaticTexts();
  const view = location.hash.slice(1);
  const link = ASSESSMENT.exec(location.hash);
  show(VIEWS.includes(view) ? view : link ? 'report' : 'start', false, link ? location.hash : undefined);
  renderSignedIn();
  await guarded(async () => {
    const [openapi, examples] = await Promise.all([endpoints.openapi(), endpoints.examples(), loadDictionary()]);
    state.groups = groupsOf(openapi.data);
    state.examples = examples.ok ? examples.data : [];
    const saved = sessionStorage.getItem(`${STORE}.profile`);
    state.profile = saved ? JSON.parse(saved) : null;
    const code = /^cn-(\d{6})$/.exec(valueAt(state.profile, 'regionId') || '');
    if (code) {
      $('compare-code').value = code[1];
    }
    renderEdit();
    renderExamples();
    if (link) {
      await openAssessment(link[1], false);
    }
  });
  document.body.dataset.ready = 'true';
}

init();
