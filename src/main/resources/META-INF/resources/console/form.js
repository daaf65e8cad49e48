// The region profile as a form, generated from the RegionProfile schema of the service's OpenAPI document, so that
// the form has exactly the groups, fields, types and ranges the API accepts. Labels, units, definitions and sources
// come from the data dictionary (GET /api/v1/indicators) when the service has one, else from the schema.
import {h, clear} from './dom.js';

/** [{key, description, fields: [{path, type, enum, minimum, maximum, required, description}]}] */
export function groupsOf(openapi) {
  const schemas = openapi.components.schemas;
  const resolve = s => {
    if (s?.$ref) {
      return resolve(schemas[s.$ref.split('/').pop()]);
    }
    if (s?.allOf?.length === 1) {
      return {...resolve(s.allOf[0]), ...s, allOf: undefined};
    }
    return s || {};
  };
  const root = resolve(schemas.RegionProfile);
  const field = (path, raw, required) => {
    const s = resolve(raw);
    return {path, type: s.type, enum: s.enum, minimum: s.minimum, maximum: s.maximum, required,
      description: raw.description || s.description};
  };
  const groups = [{key: 'region', description: root.description, fields: []}];
  for (const [name, raw] of Object.entries(root.properties)) {
    const s = resolve(raw);
    if (s.type === 'object' && !s.properties) {
      // a map beside the groups (asOf, sources: the year and source of each value) is kept as loaded, not a field
      continue;
    }
    if (s.type === 'object' && s.properties) {
      groups.push({key: name, description: s.description,
        fields: Object.entries(s.properties).map(([k, p]) => field(`${name}.${k}`, p, (s.required || []).includes(k)))});
    } else {
      groups[0].fields.push(field(name, raw, (root.required || []).includes(name)));
    }
  }
  return groups;
}

const id = (prefix, path) => `${prefix}-${path}`;

/** Renders the groups into form, filled from profile. */
export function renderForm(form, groups, profile, ctx) {
  const {t, dictionary} = ctx;
  clear(form, groups.map(group => h('fieldset', {class: 'group', 'data-group': group.key},
    h('legend', {}, ctx.has('group.' + group.key) ? t('group.' + group.key) : (group.description || group.key)),
    h('p', {class: 'error group-error', id: id('e', group.key), role: 'alert', hidden: true}),
    h('div', {class: 'fields'}, group.fields.map(f => renderField(f, valueAt(profile, f.path), dictionary[f.path], ctx))))));
}

function renderField(f, value, entry, ctx) {
  const {t} = ctx;
  const inputId = id('f', f.path);
  const label = entry?.label || (ctx.has('field.' + f.path) ? ctx.t('field.' + f.path) : f.description || f.path);
  const unit = entry?.unit;
  const hint = entry ? entry.definition : null;
  const described = [hint ? id('h', f.path) : null, id('e', f.path), id('w', f.path)].filter(Boolean).join(' ');
  const common = {id: inputId, name: f.path, 'aria-describedby': described, required: f.required || null};
  let input;
  if (f.enum || f.type === 'boolean') {
    const options = f.enum ? f.enum.map(v => [v, ctx.enumLabel(v)]) : [['true', t('edit.yes')], ['false', t('edit.no')]];
    input = h('select', common, h('option', {value: ''}, f.required ? '' : `— ${t('edit.unknown')} —`),
      options.map(([v, text]) => h('option', {value: v, selected: value !== undefined && value !== null && String(value) === v}, text)));
  } else {
    const numeric = f.type === 'number' || f.type === 'integer';
    input = h('input', {...common, type: 'text', inputmode: numeric ? (f.type === 'integer' ? 'numeric' : 'decimal') : null,
      autocomplete: 'off', value: value === null || value === undefined ? '' : String(value),
      placeholder: numeric && f.minimum !== undefined && f.maximum !== undefined ? `${f.minimum} – ${f.maximum}` : null});
  }
  const more = entry && (entry.source || entry.formula || entry.note || entry.officialName || entry.usedBy?.length
    || entry.benchmarks?.length)
    ? h('details', {class: 'more'}, h('summary', {}, t('edit.more')),
      h('dl', {},
        entry.officialName ? [h('dt', {}, label), h('dd', {}, entry.officialName)] : null,
        entry.source ? [h('dt', {}, t('edit.source')), h('dd', {}, entry.source)] : null,
        entry.formula ? [h('dt', {}, t('edit.formula')), h('dd', {}, entry.formula)] : null,
        entry.note ? [h('dt', {}, t('edit.note')), h('dd', {}, entry.note)] : null,
        (entry.benchmarks || []).map(b => benchmark(b, ctx)),
        entry.usedBy?.length ? h('dd', {}, t('edit.usedBy', entry.usedBy.length)) : null))
    : null;
  return h('div', {class: 'field', 'data-path': f.path},
    h('label', {for: inputId}, label, unit ? h('span', {class: 'unit'}, ` (${unit})`) : null,
      f.required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null),
    input,
    hint ? h('p', {class: 'hint', id: id('h', f.path)}, hint) : null,
    more,
    h('p', {class: 'warning', id: id('w', f.path), hidden: true}),
    h('p', {class: 'error', id: id('e', f.path), hidden: true}));
}

/** The latest national figure of a benchmark series, with its year and source. */
function benchmark(b, ctx) {
  const latest = (b.values || []).reduce((a, v) => (!a || v.year > a.year ? v : a), null);
  if (!latest) {
    return null;
  }
  return [h('dt', {}, b.label || b.series), h('dd', {}, `${ctx.value(latest.value)}${b.unit ? ' ' + b.unit : ''} (${latest.year}`,
    latest.source ? `, ${latest.source})` : ')')];
}

export function valueAt(object, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), object);
}

/**
 * The profile the form describes: base (the loaded profile, so that fields the form does not know are kept and the
 * API names them) with every form field set or, when empty, removed. A number that does not parse is sent as the
 * text typed, so that the API answers with its own message for that field.
 */
export function readForm(form, groups, base) {
  const profile = structuredClone(base || {});
  for (const f of groups.flatMap(g => g.fields)) {
    const el = form.elements.namedItem(f.path);
    if (!el) {
      continue;
    }
    const raw = el.value.trim();
    let value;
    if (raw === '') {
      value = undefined;
    } else if (f.type === 'boolean') {
      value = raw === 'true';
    } else if (f.type === 'number' || f.type === 'integer') {
      const n = Number(raw.replace(/[,\s]/g, ''));
      value = Number.isFinite(n) && /\d/.test(raw) ? n : raw;
    } else {
      value = raw;
    }
    if (value !== valueAt(profile, f.path)) {
      // a value typed in the form is of the profile's year: the year and source it was loaded with no longer hold
      for (const member of ['asOf', 'sources']) {
        if (profile[member] && f.path in profile[member]) {
          delete profile[member][f.path];
        }
      }
    }
    setAt(profile, f.path, value);
  }
  return profile;
}

function setAt(object, path, value) {
  const keys = path.split('.');
  let o = object;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object') {
      if (value === undefined) {
        return;
      }
      o[k] = {};
    }
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    delete o[last];
    if (keys.length > 1 && Object.keys(o).length === 0) {
      delete object[keys[0]];
    }
  } else {
    o[last] = value;
  }
}

function show(el, text) {
  el.textContent = text || '';
  el.hidden = !text;
}

/** Clears earlier messages; shows each violation at its field (or group) and returns those that have none. */
export function showViolations(form, violations, warnings = []) {
  form.querySelectorAll('p.error, p.warning').forEach(p => show(p, ''));
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  const unplaced = [];
  let first = null;
  for (const v of violations) {
    const el = document.getElementById(id('e', v.field || ''));
    if (!el) {
      unplaced.push(v);
      continue;
    }
    show(el, el.textContent ? `${el.textContent}; ${v.message}` : v.message);
    const input = document.getElementById(id('f', v.field));
    if (input) {
      input.setAttribute('aria-invalid', 'true');
    }
    first = first || input || el.closest('fieldset');
  }
  for (const w of warnings) {
    const el = document.getElementById(id('w', w.field || ''));
    if (el) {
      show(el, w.message);
    }
  }
  if (first) {
    first.focus?.();
    first.scrollIntoView?.({block: 'center'});
  }
  return unplaced;
}
