// A tiny element builder: h('a', { href }, '文字', child). Text is always set as text, never as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = '';
  // A fresh text node makes screen readers speak the message even when it repeats.
  setTimeout(() => { status.textContent = message; }, 30);
}

export function errorBox(error) {
  return h('div', { class: 'notice error', role: 'alert' }, '出错了：', error.message ?? String(error));
}

export function loading(text = '正在查询…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export const roleLabel = { LEAD: '牵头', ASSIST: '配合', DUTY: '相关职责' };

const roleTitle = { LEAD: '牵头/主责（LEAD）', ASSIST: '配合/协助（ASSIST）', DUTY: '负有相关职责：职责涉及该领域，文件未定为牵头或配合（DUTY）' };

export const basisLabel = { TABLE_COLUMN: '表格列', TAG: '责任标注', HEADING: '标题下标注', VERB: '职责用语', OWN_DUTY: '本单位职责' };

// The badge says the role; its title (hover) says why, in the document's words.
export function roleBadge(role, basis = []) {
  const why = basis.map((b) => `${basisLabel[b.kind] ?? b.kind}：${b.quote}`).join('\n');
  return h('span', { class: `badge ${role === 'LEAD' ? 'lead' : role === 'ASSIST' ? 'assist' : 'duty'}`, title: why ? `${roleTitle[role]}\n${why}` : roleTitle[role] ?? role },
    roleLabel[role] ?? role);
}

let uniqueCounter = 0;
export function uid(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

// Hash routes carry the page's state so that every answer can be bookmarked and shared.
export function routeHref(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) query.set(k, Array.isArray(v) ? v.join(',') : v);
  }
  const qs = query.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function bodyLink(body) {
  return h('a', { href: routeHref(`body/${encodeURIComponent(body.id)}`) }, body.name);
}

export function placeSelect(id, jurisdictions, selected, { allowAll = true, label = '地区' } = {}) {
  const select = h('select', { id, name: id },
    allowAll ? h('option', { value: '' }, '全部地区') : null,
    jurisdictions.map((j) => h('option', { value: j.name, selected: j.name === selected }, j.name)));
  return [h('label', { for: id }, label), select];
}
