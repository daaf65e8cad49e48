// Small DOM helpers: elements, tables and number formatting. No framework.

/** An element with attributes (on* as listeners, boolean true as a bare attribute) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A table with a caption; columns are [{key, label, num, cell(row) -> content}]. Each row gets data-id when the
 * row has an id (or indicator), so that tests and readers can find it.
 */
export function table(caption, columns, rows, attrs = {}) {
  return h('table', attrs,
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col', class: c.num ? 'num' : null}, c.label)))),
    h('tbody', {}, rows.map(row => h('tr', {'data-id': row.id ?? row.indicator ?? null},
      columns.map((c, i) => h(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null,
        class: [c.num ? 'num' : '', c.key ? 'c-' + c.key : ''].join(' ').trim() || null},
      c.cell ? c.cell(row) : row[c.key]))))));
}

/** A number as the reader sees it: up to three decimals, grouped thousands, in the page's language. */
export function num(value, lang) {
  if (typeof value !== 'number') {
    return value === null || value === undefined ? '' : String(value);
  }
  return new Intl.NumberFormat(lang, {maximumFractionDigits: 3}).format(value);
}

