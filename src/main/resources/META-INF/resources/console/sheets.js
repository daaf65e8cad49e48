// The spreadsheet view: download the template, upload a sheet of many regions with progress, a sortable table of
// the results (one row per region), open any region's full report, and download workbooks (a batch, a report, a
// comparison). Uses only the public API: the batch endpoint with the sheet as its body.
import {h, clear, num} from './dom.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const $ = id => document.getElementById(id);

let app = null;       // {t, ctx(), lang(), openReport(report)}
let file = null;      // the uploaded File, sent again to open one region or to download the workbook
let rows = [];        // one result per region: {index, regionId, report (summary) | problem}
let sort = {key: 'index', dir: 1};

/** Wires the view; app gives the console's texts, language and a way to show a report. */
export function initSheets(console) {
  app = console;
  $('sheet-form').addEventListener('submit', e => {
    e.preventDefault();
    const chosen = $('sheet-file').files[0];
    if (chosen) {
      upload(chosen);
    }
  });
  $('sheet-download').addEventListener('click', () => file && downloadBatch());
  renderTemplateLinks();
}

/** Template links in the console's language (the template is the service's, so it follows the ruleset). */
export function renderTemplateLinks() {
  const lang = app.lang();
  clear($('sheet-templates'),
    h('a', {href: `api/v1/spreadsheets/template?lang=${lang}`, download: `nqpf-template-${lang}.xlsx`, id: 'template-xlsx'},
      app.t('sheets.template.xlsx')), ' · ',
    h('a', {href: `api/v1/spreadsheets/template?lang=${lang}&format=csv`, download: `nqpf-template-${lang}.csv`,
      id: 'template-csv'}, app.t('sheets.template.csv')));
  if (rows.length) {
    renderTable();
  }
}

function typeOf(f) {
  return /\.csv$/i.test(f.name) || f.type === 'text/csv' ? 'text/csv' : XLSX;
}

function progress(text, value, max) {
  const bar = $('sheet-progress');
  bar.hidden = value === undefined;
  if (value !== undefined) {
    bar.max = max || 100;
    bar.value = value;
  }
  $('sheet-status').textContent = text || '';
}

/** Uploads the sheet with view=summary as NDJSON, filling the table as each line arrives. */
async function upload(chosen) {
  await app.prepare().catch(() => null); // the catalog's titles name the measures in the table
  file = chosen;
  rows = [];
  $('sheet-download').disabled = true;
  clear($('sheet-errors'));
  $('sheet-errors').hidden = true;
  renderTable();
  const xhr = new XMLHttpRequest();
  const url = new URL('api/v1/recommendations/batch', document.baseURI);
  url.searchParams.set('lang', app.lang());
  url.searchParams.set('view', 'summary');
  xhr.open('POST', url);
  xhr.setRequestHeader('Content-Type', typeOf(file));
  xhr.setRequestHeader('Accept', 'application/x-ndjson, application/problem+json');
  let total = 0;
  let read = 0;
  xhr.upload.onprogress = e => {
    if (e.lengthComputable) {
      progress(app.t('sheets.progress.upload', Math.round(100 * e.loaded / e.total)), e.loaded, e.total);
    }
  };
  const consume = () => {
    if (xhr.status !== 200) {
      return;
    }
    total = total || Number(xhr.getResponseHeader('X-Total-Count')) || 0;
    const text = xhr.responseText;
    let end;
    while ((end = text.indexOf('\n', read)) >= 0) {
      const line = text.slice(read, end).trim();
      read = end + 1;
      if (line) {
        const result = JSON.parse(line);
        if (result.index !== undefined) {
          rows.push(result);
        }
      }
    }
    progress(app.t('sheets.progress.rows', rows.length, total || '?'), rows.length, total || rows.length || 1);
    renderTable();
  };
  xhr.onprogress = consume;
  xhr.onload = () => {
    if (xhr.status !== 200) {
      let problem = {};
      try {
        problem = JSON.parse(xhr.responseText);
      } catch (e) {
        problem = {title: xhr.statusText};
      }
      progress('');
      showProblem(problem);
      return;
    }
    consume();
    const failed = rows.filter(r => !r.report).length;
    progress(app.t('sheets.done', rows.length - failed, failed));
    $('sheet-download').disabled = false;
    document.body.dataset.sheet = 'done';
  };
  xhr.onerror = () => progress(app.t('error.network', xhr.statusText || 'network'));
  progress(app.t('sheets.progress.upload', 0), 0, 100);
  document.body.dataset.sheet = 'busy';
  xhr.send(file);
}

function showProblem(problem) {
  const box = $('sheet-errors');
  clear(box, h('p', {}, `${problem.title || ''}: ${problem.detail || ''}`),
    problem.violations?.length ? h('ul', {}, problem.violations.map(v =>
      h('li', {}, [v.cell, v.field].filter(Boolean).join(' · '), v.cell || v.field ? ': ' : '', v.message))) : null);
  box.hidden = false;
}

const COLUMNS = [
  {key: 'index', num: true, value: r => r.index + 1},
  {key: 'region', value: r => r.report?.region?.name || r.regionId || ''},
  {key: 'stage', value: r => r.report ? app.ctx().title(r.report.stage) : ''},
  {key: 'coverage', num: true, value: r => r.report?.coverage?.share ?? -1,
    show: r => r.report ? `${Math.round(r.report.coverage.share * 100)}%` : ''},
  {key: 'bottlenecks', num: true, value: r => r.report ? r.report.bottlenecks.length : -1,
    show: r => r.report ? r.report.bottlenecks.length : ''},
  {key: 'high', num: true, value: r => r.report ? r.report.bottlenecks.filter(b => b.level === 'HIGH').length : -1,
    show: r => r.report ? r.report.bottlenecks.filter(b => b.level === 'HIGH').length : ''},
  {key: 'maxSeverity', num: true, value: r => r.report?.bottlenecks?.[0]?.severity ?? -1,
    show: r => r.report?.bottlenecks?.length ? num(r.report.bottlenecks[0].severity, app.lang()) : ''},
  {key: 'top', value: r => r.report?.recommendations?.[0] ? app.ctx().title(r.report.recommendations[0].id) : ''},
  {key: 'problem', value: r => r.problem ? (r.problem.violations || []).map(v => `${v.cell || v.field}: ${v.message}`)
    .join('; ') || r.problem.detail : ''},
];

function sorted() {
  const col = COLUMNS.find(c => c.key === sort.key);
  return [...rows].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), app.lang()))
      * sort.dir || a.index - b.index;
  });
}

function renderTable() {
  const t = app.t;
  const container = $('sheet-results');
  if (!rows.length) {
    clear(container);
    return;
  }
  const head = h('tr', {}, COLUMNS.map(c => h('th', {scope: 'col', class: c.num ? 'num' : null,
    'aria-sort': sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none'},
  h('button', {type: 'button', class: 'link sort', 'data-sort': c.key, title: t('sheets.sort'),
    onclick: () => {
      sort = {key: c.key, dir: sort.key === c.key ? -sort.dir : 1};
      renderTable();
      container.querySelector(`[data-sort="${c.key}"]`)?.focus();
    }}, t('sheets.col.' + c.key), sort.key === c.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : '')),
  h('th', {scope: 'col'}, h('span', {class: 'sr-only'}, t('sheets.open')))));
  const body = sorted().map(r => h('tr', {'data-id': r.regionId ?? null, 'data-index': r.index,
    class: r.problem ? 'refused' : null},
  COLUMNS.map((c, i) => h(i === 1 ? 'th' : 'td', {scope: i === 1 ? 'row' : null,
    class: [c.num ? 'num' : '', 'c-' + c.key].join(' ').trim()}, c.show ? c.show(r) : c.value(r))),
  h('td', {}, r.report ? h('button', {type: 'button', class: 'open', onclick: () => openRegion(r)}, t('sheets.open')) : null)));
  clear(container, h('table', {id: 'sheet-table'}, h('caption', {}, t('sheets.results', rows.length)),
    h('thead', {}, head), h('tbody', {}, body)));
}

/**
 * A region's full report: the sheet is sent again with view=full as NDJSON and read up to that region's line, then
 * the request is dropped, so that the service evaluates only the rows before it (and a few ahead).
 */
async function openRegion(row) {
  progress(app.t('sheets.opening'));
  const url = new URL('api/v1/recommendations/batch', document.baseURI);
  url.searchParams.set('lang', app.lang());
  const abort = new AbortController();
  try {
    const response = await fetch(url, {method: 'POST', body: file, signal: abort.signal,
      headers: {'Content-Type': typeOf(file), Accept: 'application/x-ndjson'}});
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), {stream: !done});
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        const result = line ? JSON.parse(line) : {};
        if (result.index === row.index) {
          abort.abort();
          progress('');
          await app.openReport(result.report);
          return;
        }
      }
      if (done) {
        break;
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') {
      progress(app.t('error.network', e.message));
    }
  }
}

function downloadBatch() {
  const url = new URL('api/v1/recommendations/batch', document.baseURI);
  url.searchParams.set('lang', app.lang());
  url.searchParams.set('format', 'xlsx');
  return download(url, file, typeOf(file), `${file.name.replace(/\.[^.]*$/, '')}-results.xlsx`);
}

/** POSTs a body and saves the workbook the service answers. */
export async function download(url, body, type, filename) {
  const response = await fetch(url, {method: 'POST', body, headers: {'Content-Type': type, Accept: XLSX}});
  if (!response.ok) {
    showProblem(await response.json().catch(() => ({title: response.statusText})));
    return;
  }
  const blob = await response.blob();
  const link = h('a', {href: URL.createObjectURL(blob), download: filename});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** A report or a comparison as a workbook: the JSON body POSTed again with format=xlsx. */
export function downloadWorkbook(path, json, filename) {
  const url = new URL(path, document.baseURI);
  url.searchParams.set('lang', app.lang());
  url.searchParams.set('format', 'xlsx');
  return download(url, JSON.stringify(json), 'application/json', filename);
}
