// Extracts Cloudflare Workflows from Cloudflare's published OpenAPI description (the file its own SDKs are generated
// from) into spec/cloudflare-workflows.openapi.json, and records where it came from in spec/UPSTREAM.json.
// Called by build/update-spec.sh; see there for usage. Node >= 18, no packages.
//
// What is kept, unmodified: openapi, info, servers, security, every path under /accounts/{account_id}/workflows, the
// components those paths $ref (transitively) and components.securitySchemes. Values are byte-for-byte: every kept
// value, minified, is checked to occur verbatim in the upstream text (so no number or escape was rewritten by
// JSON.parse/stringify). The output is the same bytes for the same input: no time stamps, upstream key order.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const PREFIX = '/accounts/{account_id}/workflows';

function fail(message) {
  console.error(`update-spec: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = name => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const [input, output, note] = [option('--input'), option('--output'), option('--note')];
if (!input || !output || !note) fail('usage: update-spec.mjs --input FILE --output FILE --note FILE [--source TEXT] [--commit SHA] [--date DATE]');

// The input is either openapi.json itself or cloudflare-typescript's scripts/mock (EMBEDDED_SPEC = base64 of gzip).
// A .gz of either is read too (the test corpus keeps Cloudflare's full description compressed).
let bytes = readFileSync(input);
let form = 'openapi.json';
if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
  bytes = gunzipSync(bytes);
  form = 'openapi.json (gzip)';
}
let raw = bytes.toString('utf8');
const embedded = raw.match(/EMBEDDED_SPEC="([A-Za-z0-9+/=]+)"/);
if (embedded) {
  raw = gunzipSync(Buffer.from(embedded[1], 'base64')).toString('utf8');
  form = 'scripts/mock EMBEDDED_SPEC (base64 of gzip)';
}

let spec;
try {
  spec = JSON.parse(raw);
} catch (e) {
  fail(`${input} is not JSON: ${e.message}`);
}
if (typeof spec.openapi !== 'string' || typeof spec.paths !== 'object') fail(`${input} is not an OpenAPI 3 document`);

const verbatim = (key, value) => {
  if (!raw.includes(JSON.stringify(key) + ':' + JSON.stringify(value))) {
    fail(`the value of '${key}' does not round-trip byte-for-byte through JSON.parse/stringify; extend the script before using this upstream file`);
  }
  return value;
};

const paths = {};
for (const [path, item] of Object.entries(spec.paths)) {
  if (path === PREFIX || path.startsWith(PREFIX + '/')) paths[path] = verbatim(path, item);
}
if (Object.keys(paths).length === 0) fail(`no path under ${PREFIX} in ${input}`);

// Components the kept paths refer to, transitively ("#/components/<kind>/<name>").
const components = {};
const pending = [paths];
const seen = new Set();
while (pending.length > 0) {
  const node = pending.pop();
  if (Array.isArray(node)) { pending.push(...node); continue; }
  if (node === null || typeof node !== 'object') continue;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const m = value.match(/^#\/components\/([^/]+)\/([^/]+)$/);
      if (!m) fail(`unsupported $ref '${value}' (only #/components/<kind>/<name>)`);
      const [kind, name] = [m[1], m[2].replace(/~1/g, '/').replace(/~0/g, '~')];
      if (seen.has(value)) continue;
      seen.add(value);
      const target = spec.components?.[kind]?.[name];
      if (target === undefined) fail(`$ref '${value}' does not resolve upstream`);
      (components[kind] ??= {})[name] = verbatim(name, target);
      pending.push(target);
    } else {
      pending.push(value);
    }
  }
}
components.securitySchemes = verbatim('securitySchemes', spec.components?.securitySchemes ?? {});

// Upstream order for component kinds and names, so the output does not depend on the walk.
const ordered = {};
for (const kind of Object.keys(spec.components ?? {})) {
  if (!(kind in components)) continue;
  ordered[kind] = {};
  for (const name of Object.keys(spec.components[kind])) {
    if (name in components[kind]) ordered[kind][name] = components[kind][name];
  }
}

const extract = {};
for (const key of Object.keys(spec)) {
  switch (key) {
    case 'openapi': case 'info': case 'servers': case 'security':
      extract[key] = verbatim(key, spec[key]);
      break;
    case 'paths':
      extract.paths = paths;
      break;
    case 'components':
      extract.components = ordered;
      break;
  }
}

const text = JSON.stringify(extract, null, 2) + '\n';
writeFileSync(output, text);

const sha256 = data => createHash('sha256').update(data).digest('hex');
const operations = Object.values(paths).flatMap(item =>
  Object.entries(item).filter(([m]) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(m)).map(([, op]) => op.operationId));
const record = {
  description: `Where ${output.split('/').pop()} comes from. Written by build/update-spec.sh; do not edit.`,
  source: option('--source') ?? input,
  commit: option('--commit') ?? null,
  date: option('--date') ?? null,
  form,
  upstreamSha256: sha256(raw),
  upstreamBytes: Buffer.byteLength(raw),
  extractSha256: sha256(text),
  kept: `openapi, info, servers, security, components.securitySchemes, the ${Object.keys(paths).length} paths under ${PREFIX} and the components they $ref`,
  paths: Object.keys(paths).length,
  operations: operations.length,
  operationIds: operations,
};
writeFileSync(note, JSON.stringify(record, null, 2) + '\n');
console.log(`update-spec: ${Object.keys(paths).length} paths, ${operations.length} operations -> ${output} (sha256 ${record.extractSha256.slice(0, 12)}…)`);
