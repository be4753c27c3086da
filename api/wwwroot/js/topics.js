import { h, uid } from './elements.js';

// Autocomplete over the taxonomy while typing; the whole question is read by the API's interpret.
export function suggest(fragment, sectors, limit = 8) {
  if (!fragment) return [];
  const scored = [];
  for (const s of sectors) {
    const names = [s.name, ...s.aliases];
    let best = null;
    for (const n of names) {
      const score = n === fragment ? 0 : n.startsWith(fragment) ? 1 : n.includes(fragment) ? 2 : null;
      if (score !== null && (best === null || score < best.score)) best = { score, via: n };
    }
    if (best) scored.push({ sector: s, ...best });
  }
  scored.sort((a, b) => a.score - b.score || (a.via === a.sector.name ? -1 : 0) || a.sector.name.localeCompare(b.sector.name, 'zh'));
  return scored.slice(0, limit);
}

// An ARIA 1.2 combobox over the last word typed: arrows move, Enter or click picks, Escape closes.
export function topicInput({ id, value, sectors, label }) {
  const listId = uid('topic-list');
  const input = h('input', {
    id, name: id, type: 'text', value: value ?? '', autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-describedby': `${id}-hint`, placeholder: '例如：饭店用液化气谁管？',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': '行业领域建议' });
  let items = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (i) => {
    const words = input.value.split(/(\s+)/);
    words[words.length - 1] = items[i].sector.name;
    input.value = `${words.join('')} `;
    close();
    input.focus();
  };
  const setActive = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
  };
  const render = () => {
    const fragment = /\S+$/.exec(input.value)?.[0] ?? '';
    items = suggest(fragment, sectors);
    list.replaceChildren(...items.map((item, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); pick(i); },
    }, item.sector.name, item.via !== item.sector.name ? h('span', { class: 'via' }, `（${item.via}）`) : null,
    item.sector.parent ? h('span', { class: 'parent' }, ` · ${item.sector.parent.name}`) : null)));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    active = -1;
  };
  input.addEventListener('input', render);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((active + 1) % items.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((active - 1 + items.length) % items.length); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); pick(active); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
  });
  return h('div', { class: 'field combo' },
    h('label', { for: id }, label),
    h('div', { class: 'combo-wrap' }, input, list),
    h('small', { id: `${id}-hint`, class: 'hint' }, '可以输入一句话或几个词（行业、场所、危险源）；输入时会提示行业领域及其同义词。'));
}
