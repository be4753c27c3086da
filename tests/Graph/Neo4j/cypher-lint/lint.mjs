// Lints the Cypher statements the Neo4j store sends with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, lintCypherQuery).
//
// Usage: node lint.mjs statements.json
// Input: { "labels": [...], "relationshipTypes": [...], "statements": [{ "statement": "...", "parameters": {...} }] }
// Output: one line per statement and diagnostic, then a JSON summary line; exit code 1 when any error was found.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const file = process.argv[2];
if (!file) {
  console.error('usage: node lint.mjs statements.json');
  process.exit(2);
}

const input = JSON.parse(readFileSync(file, 'utf8'));
// The package's mock schema carries the real procedure and function signatures of a Neo4j 5 server, so a
// misspelt procedure (db.index.fulltext.queryNodes) or function is an error, as it would be on the server.
const base = testData.mockSchema;
const Error = 1;

let errors = 0;
let warnings = 0;
for (const [index, { statement, parameters }] of input.statements.entries()) {
  const schema = {
    functions: base.functions,
    procedures: base.procedures,
    labels: input.labels,
    relationshipTypes: input.relationshipTypes,
    // Declared parameters are the ones the store really sent with this statement: a missing one is an error.
    parameters: parameters ?? {},
    defaultLanguage: 'CYPHER 5',
  };
  const { diagnostics } = lintCypherQuery(statement, schema);
  const statementErrors = diagnostics.filter((d) => d.severity === Error);
  errors += statementErrors.length;
  warnings += diagnostics.length - statementErrors.length;
  console.log(`${String(index + 1).padStart(3)} ${statementErrors.length === 0 ? 'ok   ' : 'ERROR'} ${statement}`);
  for (const d of diagnostics) {
    const kind = d.severity === Error ? 'error' : 'warning';
    console.log(`      ${kind} at ${d.offsets.start}-${d.offsets.end}: ${d.message}`);
  }
}

console.log(JSON.stringify({ statements: input.statements.length, errors, warnings }));
process.exit(errors === 0 ? 0 : 1);
