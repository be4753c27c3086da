import { gql, forgetJurisdictions } from '../graphql.js';
import { h, announce, errorBox, loading } from '../elements.js';
import { dataTable } from '../table.js';

export const title = '加载文件';

const mutation = `mutation LoadDocument($input: LoadDocumentInput!) {
  loadDocument(input: $input) {
    outcome
    document { title number status jurisdiction { name } }
    report {
      file title jurisdiction bodies leaders duties commonDuties laws sectorsCovered leadEdges assistEdges
      mentionsResolved mentionsUnresolved unattributedLines warnings
    }
  }
}`;

export async function render(root) {
  root.append(h('h1', {}, '加载文件'),
    h('p', { class: 'lead-text' }, '上传一份安全生产职责清单（.txt、.docx、.pdf 或网页 .html/.htm；旧版 .doc/.wps 请先另存为 .docx），用 API 密钥写入知识库，并查看读取质量报告。同一文件重复加载不会改变数据；新版本会替换旧版本。'));
  const form = h('form', { class: 'query-form stacked', 'aria-label': '加载文件' },
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'API 密钥'),
      h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', required: true })),
    h('div', { class: 'field' }, h('label', { for: 'file' }, '文件'),
      h('input', { id: 'file', name: 'file', type: 'file', accept: '.txt,.docx,.pdf,.html,.htm,text/plain,text/html', required: true })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '加载')));
  const out = h('div', { class: 'results', 'aria-live': 'polite' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return;
    out.replaceChildren(loading('正在读取并加载…'));
    try {
      const input = await documentInput(file);
      const data = await gql(mutation, { input }, { apiKey: form.elements.apiKey.value });
      forgetJurisdictions();
      out.replaceChildren(h('h2', {}, '质量报告'), summary(data.loadDocument.report), report(data.loadDocument));
      announce('文件已加载');
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  });
  root.append(form, out);
}

async function documentInput(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

// The figures a user checks first, in one sentence, before the full report.
function summary(r) {
  const parts = [`读出 ${r.bodies} 个单位`, `${r.leaders} 个领导岗位`, `${r.duties} 条职责`,
    `${r.unattributedLines.length} 行未归属`, `${r.warnings.length} 条警告`];
  return h('p', { class: r.warnings.length ? 'notice' : 'lead-text', 'data-summary': '' }, `${parts.join('，')}。`);
}

const labels = {
  outcome: '结果', document: '文件', report: '读取情况', title: '标题', number: '文号', status: '状态', jurisdiction: '地区',
  name: '名称', file: '文件名', bodies: '单位', leaders: '领导岗位', duties: '职责条目', commonDuties: '共同职责',
  laws: '引用法律法规', sectorsCovered: '涉及行业领域', leadEdges: '牵头关系', assistEdges: '配合关系',
  mentionsResolved: '已识别的提及单位', mentionsUnresolved: '未识别的提及单位', unattributedLines: '未归属的行', warnings: '警告',
};
const outcomes = { INSERTED: '新载入', REPLACED: '已替换旧版本', UNCHANGED: '内容未变，未改动' };

// The report as the API returns it: scalars as a list of facts, lists of records as exportable tables.
function report(value, name = '质量报告') {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '—');
  if (Array.isArray(value)) {
    if (!value.length) return h('span', { class: 'muted' }, '（无）');
    if (typeof value[0] !== 'object') return h('ul', { class: 'plain-list' }, value.map((v) => h('li', {}, String(v))));
    const keys = [...new Set(value.flatMap((v) => Object.keys(v)))].filter((k) => k !== '__typename');
    return dataTable({
      title: name,
      columns: keys.map((k) => ({ label: k, text: (r) => (typeof r[k] === 'object' ? JSON.stringify(r[k]) : String(r[k] ?? '')) })),
      rows: value,
    });
  }
  if (typeof value === 'object') {
    return h('dl', { class: 'facts' }, Object.entries(value).filter(([k]) => k !== '__typename')
      .flatMap(([k, v]) => [h('dt', {}, labels[k] ?? k), h('dd', {}, k === 'outcome' ? outcomes[v] ?? v : report(v, `${name}_${k}`))]));
  }
  return String(value);
}
