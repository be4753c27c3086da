// The page's only way to the data: the server's own GraphQL endpoint.
export class GraphQLError extends Error {}

export async function gql(query, variables = {}, { apiKey } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  if (apiKey) headers['X-Api-Key'] = apiKey;
  let response;
  try {
    response = await fetch(new URL('graphql', document.baseURI), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new GraphQLError(`无法连接服务器（${e.message}）`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError(`服务器返回了无法读取的应答（HTTP ${response.status}）`);
  }
  if (body.errors?.length) {
    throw new GraphQLError(body.errors.map((e) => e.message).join('；'));
  }
  if (!response.ok) throw new GraphQLError(`请求失败（HTTP ${response.status}）`);
  return body.data;
}

// Reference data every page needs; asked once per visit.
let sectorsPromise;
export function loadSectors() {
  sectorsPromise ??= gql('{ sectors { id name aliases parent { id name } children { id name } } }')
    .then((d) => d.sectors)
    .catch((e) => { sectorsPromise = undefined; throw e; });
  return sectorsPromise;
}

let jurisdictionsPromise;
export function loadJurisdictions() {
  jurisdictionsPromise ??= gql('{ jurisdictions { id name level } }')
    .then((d) => d.jurisdictions)
    .catch((e) => { jurisdictionsPromise = undefined; throw e; });
  return jurisdictionsPromise;
}

export function forgetJurisdictions() {
  jurisdictionsPromise = undefined;
}
