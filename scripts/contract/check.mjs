// The alert contract checked with tools this project did not write (run through scripts/contract-check):
//  1. the official AsyncAPI parser (v3) on docs/api/asyncapi.yaml: no error diagnostics, one topic level per
//     channel parameter (what tools that map a parameter to MQTT's '+' rely on), the payload schemas declared
//     as draft-07, a secure-mqtt server for TLS;
//  2. Ajv (draft-07, formats asserted) on the examples in that document, and on real messages when given:
//     the envelope with alert.schema.json, data with the schema its dataschema names, status with status.schema.json;
//  3. the official CloudEvents JS SDK, strict, on every alert (examples and real messages) through its MQTT binding
//     (the MQTT 5 content type and user properties as received) and its HTTP binding (what an MQTT-to-HTTP bridge
//     forwards); the user properties also with alert-headers.schema.json, and against the attributes they repeat.
// Usage: node check.mjs DOCS_API_DIR [CAPTURE_DIR]; CAPTURE_DIR holds alerts.jsonl and status.jsonl
// ({topic, contentType, userProperties, payload} per line), as gateway/target/contract after AlertContractTest and LastWillContractTest.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CloudEvent, HTTP, MQTT } from 'cloudevents';

const [docsDir, captureDir] = process.argv.slice(2).map((p) => resolve(p));
const failures = [];
const fail = (what) => failures.push(what);
let checked = 0;

// 1. AsyncAPI.
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, join(docsDir, 'asyncapi.yaml')).parse();
for (const d of diagnostics) {
  const where = (d.path || []).join('.');
  if (d.severity === 0) fail(`asyncapi.yaml ${where}: ${d.message}`);
  else if (d.severity === 1) console.log(`asyncapi.yaml warning ${where}: ${d.message}`);
}
if (!document) {
  report();
}
const filters = {};
for (const channel of document.channels()) {
  const address = channel.address();
  for (const p of channel.parameters()) {
    // A tool maps each parameter to one MQTT '+': it must be a whole topic level, and its values hold no '/'.
    // (The real topics are matched against the resulting filter below.)
    const ok = address.split('/').some((level) => level === `{${p.id()}}`);
    if (!ok) fail(`channel ${channel.id()}: parameter ${p.id()} is not a whole topic level of ${address}`);
    const values = [p.json().default, ...(p.json().examples || []), ...(p.json().enum || [])].filter((v) => v !== undefined);
    for (const v of values) if (String(v).includes('/')) fail(`channel ${channel.id()}: parameter ${p.id()} value '${v}' spans topic levels`);
  }
  filters[channel.id()] = address.replace(/\{[^}]+\}/g, '+');
  for (const m of channel.messages()) {
    const format = m.schemaFormat();
    if (!/^application\/schema\+json;version=draft-07$/.test(format)) {
      fail(`message ${m.id()}: schemaFormat is ${format}, not the draft-07 the schemas are written in`);
    }
  }
}
if (!document.servers().all().some((s) => s.protocol() === 'secure-mqtt')) fail('no secure-mqtt server for TLS');
for (const s of document.servers()) {
  if (s.protocol() === 'mqtt' && /:8883$/.test(s.url())) fail(`server ${s.id()}: port 8883 is TLS, protocol should be secure-mqtt`);
}
console.log(`asyncapi: ${document.channels().length} channels parsed; subscriptions: ${JSON.stringify(filters)}`);

// 2. Ajv with the published schemas, loaded by their $id.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of ['alert-data.schema.json', 'alert.schema.json', 'alert-headers.schema.json', 'status.schema.json']) {
  const schema = JSON.parse(readFileSync(join(docsDir, f), 'utf8'));
  if (schema.$schema !== 'http://json-schema.org/draft-07/schema#') {
    fail(`${f}: written in ${schema.$schema}, but the AsyncAPI document declares draft-07 (tools would skip what draft-07 lacks)`);
    continue;
  }
  ajv.addSchema(schema);
}
const BASE = 'https://gridwatch.io/schema/v1/';
const validate = (id, value, what) => {
  const v = ajv.getSchema(BASE + id);
  if (!v) return fail(`${what}: no published schema ${BASE + id}`);
  if (!v(value)) fail(`${what}: ${id}: ${ajv.errorsText(v.errors)}`);
};

function checkAlert(event, topic, contentType, what, headers) {
  checked++;
  validate('alert.schema.json', event, what);
  if (headers) {
    // MQTT 5 user properties: as declared, and each named as a CloudEvents attribute carries that attribute's value.
    validate('alert-headers.schema.json', headers, `${what} user properties`);
    for (const [name, value] of Object.entries(headers)) {
      if (name in event && event[name] !== value) fail(`${what}: user property ${name}=${value} contradicts the attribute ${event[name]}`);
    }
  }
  if (!event.dataschema || !ajv.getSchema(event.dataschema)) fail(`${what}: dataschema ${event.dataschema} is not a published schema`);
  else if (!ajv.getSchema(event.dataschema)(event.data)) fail(`${what}: data vs ${event.dataschema}: ${ajv.errorsText(ajv.getSchema(event.dataschema).errors)}`);
  if (event.time !== event.data?.observedAt) fail(`${what}: time ${event.time} is not the occurrence time ${event.data?.observedAt}`);
  if (topic && !matches(filters.alerts, topic)) fail(`${what}: topic ${topic} does not match ${filters.alerts}`);
  const body = JSON.stringify(event);
  try {
    // An MQTT 5 PUBLISH as received: its Content Type property and the payload.
    const viaMqtt = MQTT.toEvent({ PUBLISH: { 'Content Type': contentType }, body, headers: headers || {} }, true);
    new CloudEvent({ ...viaMqtt }, true).validate();
    if (viaMqtt.id !== event.id) fail(`${what}: MQTT binding read id ${viaMqtt.id}`);
  } catch (e) {
    fail(`${what}: CloudEvents MQTT binding (strict): ${e.message} ${JSON.stringify(e.errors || '')}`);
  }
  try {
    const viaHttp = HTTP.toEvent({ headers: { 'content-type': contentType }, body });
    new CloudEvent({ ...viaHttp }, true).validate();
    if (viaHttp.time !== new Date(event.time).toISOString() && viaHttp.time !== event.time) fail(`${what}: HTTP binding read time ${viaHttp.time}`);
  } catch (e) {
    fail(`${what}: CloudEvents HTTP binding (strict), content type '${contentType}': ${e.message} ${JSON.stringify(e.errors || '')}`);
  }
}

function matches(filter, topic) {
  const f = filter.split('/');
  const t = topic.split('/');
  if (f.length !== t.length) return false;
  return f.every((level, i) => level === '+' || level === t[i]);
}

const alertContentType = document.components().messages().get('alert').contentType();
for (const m of document.components().messages()) {
  for (const ex of m.examples()) {
    const what = `asyncapi example ${m.id()}/${ex.name()}`;
    if (m.id() === 'alert') checkAlert(ex.payload(), null, alertContentType, what, ex.headers());
    else if (m.id() === 'status') validate('status.schema.json', ex.payload(), what);
    checked++;
  }
}

// 3. Real messages, when a capture is given.
if (captureDir) {
  for (const [file, kind] of [['alerts.jsonl', 'alert'], ['status.jsonl', 'status']]) {
    const path = join(captureDir, file);
    if (!existsSync(path)) {
      fail(`${path} is missing: run AlertContractTest and LastWillContractTest first (./mvnw verify does)`);
      continue;
    }
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
    if (lines.length === 0) fail(`${path} holds no messages`);
    for (const [i, line] of lines.entries()) {
      const r = JSON.parse(line);
      const what = `${file}:${i + 1} (${r.topic})`;
      const payload = JSON.parse(r.payload);
      if (kind === 'alert') {
        if (!r.userProperties) fail(`${what}: no user properties captured`);
        // The per-message bound the contract states: 128 KiB per PUBLISH, the JSON 1 KiB less.
        if (Buffer.byteLength(r.payload, 'utf8') > 127 * 1024) fail(`${what}: payload over 127 KiB`);
        checkAlert(payload, r.topic, r.contentType, what, r.userProperties);
      }
      else {
        checked++;
        validate('status.schema.json', payload, what);
        if (!matches(filters.status, r.topic)) fail(`${what}: does not match ${filters.status}`);
        if (r.contentType !== 'application/json') fail(`${what}: MQTT content type ${r.contentType}`);
      }
    }
  }
}
report();

function report() {
  if (failures.length) {
    console.error(`contract-check: ${failures.length} problems:`);
    for (const f of failures.slice(0, 50)) console.error(`  ${f}`);
    process.exit(1);
  }
  console.log(`contract-check: ok (${checked} messages and examples checked${captureDir ? ', real messages included' : ''})`);
  process.exit(0);
}
