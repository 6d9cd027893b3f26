// Confluent's Node client (@confluentinc/schemaregistry) against GroundStream's registry.
// Run by NodeClientInteropTest: node interop.js <registry-url>. Prints one line per check and,
// last, "ENCODED <base64>" (a record with every Avro type, for the Java side to decode).
// Exit code 0 only when every check passed.
'use strict';
const assert = require('assert');
const sr = require('@confluentinc/schemaregistry');

const url = process.argv[2];
const client = new sr.SchemaRegistryClient({ baseURLs: [url], cacheCapacity: 100 });
let passed = 0;
function ok(name) { passed++; console.log('ok ' + name); }

const ADDRESS = JSON.stringify({ type: 'record', name: 'Address', namespace: 'shared',
  fields: [{ name: 'street', type: 'string' }] });
const PERSON = JSON.stringify({ type: 'record', name: 'Person', namespace: 'people',
  fields: [{ name: 'name', type: 'string' }, { name: 'home', type: 'shared.Address' }] });
const ORDER = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop',
  fields: [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'int' }] });
const EVERY = JSON.stringify({ type: 'record', name: 'Every', namespace: 'types', fields: [
  { name: 'flag', type: 'boolean' }, { name: 'count', type: 'int' }, { name: 'big', type: 'long' },
  { name: 'ratio', type: 'float' }, { name: 'precise', type: 'double' },
  { name: 'text', type: 'string' }, { name: 'raw', type: 'bytes' },
  { name: 'colour', type: { type: 'enum', name: 'Colour', symbols: ['RED', 'GREEN'] } },
  { name: 'tags', type: { type: 'array', items: 'string' } },
  { name: 'scores', type: { type: 'map', values: 'long' } },
  { name: 'maybe', type: ['null', 'string'], default: null },
  { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 4 } },
  { name: 'inner', type: { type: 'record', name: 'Inner', fields: [{ name: 'x', type: 'int' }] } },
  { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
  { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
  { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } }] });

async function main() {
  const addressId = await client.register('node-address', { schemaType: 'AVRO', schema: ADDRESS });
  const personInfo = { schemaType: 'AVRO', schema: PERSON,
    references: [{ name: 'shared.Address', subject: 'node-address', version: 1 }] };
  const personId = await client.register('node-person-value', personInfo);
  assert.notStrictEqual(personId, addressId);
  ok('register with references');
  const fetched = await client.getBySubjectAndId('node-person-value', personId);
  assert.strictEqual(fetched.references[0].subject, 'node-address');
  ok('get by id returns references');
  assert.strictEqual(await new sr.SchemaRegistryClient({ baseURLs: [url] })
    .getId('node-person-value', personInfo), personId);
  ok('lookup with references');

  const metadata = { properties: { owner: 'team-node', 'app.major': '1' } };
  const orderId = await client.register('node-order-value',
    { schemaType: 'AVRO', schema: ORDER, metadata });
  const latest = await new sr.SchemaRegistryClient({ baseURLs: [url] })
    .getLatestWithMetadata('node-order-value', { owner: 'team-node' });
  assert.strictEqual(latest.id, orderId);
  assert.deepStrictEqual(latest.metadata, metadata);
  ok('getLatestWithMetadata');

  const ruleSet = { domainRules: [{ name: 'qtyPositive', kind: 'CONDITION', mode: 'WRITE',
    type: 'CEL', expr: 'message.qty > 0' }] };
  await client.register('node-rules-value', { schemaType: 'AVRO', schema: ORDER, ruleSet });
  const ruled = await new sr.SchemaRegistryClient({ baseURLs: [url] })
    .getLatestSchemaMetadata('node-rules-value');
  assert.deepStrictEqual(ruled.ruleSet, ruleSet);
  ok('rule set kept exactly');

  const serializer = new sr.AvroSerializer(client, sr.SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestWithMetadata: { owner: 'team-node' } });
  const bytes = await serializer.serialize('node-order', { sku: 'A-1', qty: 3 });
  assert.strictEqual(bytes.readInt32BE(1), orderId);
  const deserializer = new sr.AvroDeserializer(client, sr.SerdeType.VALUE, {});
  const order = await deserializer.deserialize('node-order', bytes);
  assert.deepStrictEqual({ sku: order.sku, qty: order.qty }, { sku: 'A-1', qty: 3 });
  ok('serializer with useLatestWithMetadata');

  const every = new sr.AvroSerializer(client, sr.SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestVersion: true });
  await client.register('node-every-value', { schemaType: 'AVRO', schema: EVERY });
  const encoded = await every.serialize('node-every', {
    flag: true, count: 7, big: 1234567890123, ratio: 0.5, precise: 2.25, text: 'héllo',
    raw: Buffer.from([1, 2, 3]), colour: 'GREEN', tags: ['a', 'b'], scores: { k: 9 },
    maybe: 'there', hash: Buffer.from([9, 8, 7, 6]), inner: { x: 42 },
    price: Buffer.from([0x30, 0x39]), id: '123e4567-e89b-12d3-a456-426614174000',
    at: 1700000000000 });
  ok('serialize every Avro type');
  console.log(passed + ' checks passed');
  console.log('ENCODED ' + encoded.toString('base64'));
}

main().catch((e) => { console.error('FAILED after ' + passed + ' checks: ' + (e.stack || e)); process.exit(1); });
