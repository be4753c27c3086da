// Usage: node introspection.mjs http://127.0.0.1:PORT/graphql
// graphql-js's introspection query with the October 2021 fields, then buildClientSchema, as codegen tools do.
// Prints one JSON object: errors (none expected), and what the client schema holds.
import { buildClientSchema, getIntrospectionQuery } from 'graphql';

const url = process.argv[2];
if (!url) {
  console.error('usage: node introspection.mjs URL');
  process.exit(2);
}
const query = getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
const response = await fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
});
const body = await response.json();
const result = { status: response.status, errors: body.errors ?? [] };
try {
  const schema = buildClientSchema(body.data);
  result.queryFields = Object.keys(schema.getQueryType().getFields()).sort();
  result.directives = schema.getDirectives().map(d => ({ name: d.name, isRepeatable: d.isRepeatable }));
  result.scalars = Object.values(schema.getTypeMap()).filter(t => t.constructor.name === 'GraphQLScalarType')
    .map(t => ({ name: t.name, specifiedByURL: t.specifiedByURL ?? null }));
} catch (error) {
  result.errors.push({ message: String(error) });
}
console.log(JSON.stringify(result));
