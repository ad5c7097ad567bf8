import * as protocol from '../js/protocol.js';
import {assert, test} from './runner.js';

/**
 * web/js/protocol.js against web/protocol-messages.json, the table the Java side is held to as well
 * (ProtocolTableTest): the same message types, builders that make the table's client messages, and a
 * parser that takes every server message the table allows and refuses a required field of the wrong type.
 */

let loaded;
/** @return {Promise<Array<{type: string, direction: string, fields: object}>>} */
function table() {
  loaded ??= fetch(new URL('../protocol-messages.json', import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`protocol-messages.json: HTTP ${response.status}`);
    return response.json();
  }).then((json) => json.messages);
  return loaded;
}

const inDirection = async (direction) => (await table()).filter((message) => message.direction === direction);

/** The JSON type of a value, as the table names it. */
function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const typesOf = (field) => [field.type].flat();

/** The first of these values whose type the field does not take; the same order as ProtocolTableTest. */
function wrongValueFor(field) {
  return [true, 42, 'x', [], {}].find((value) => !typesOf(field).includes(jsonType(value)));
}

/** The message made of the table's examples, with or without its optional fields. */
function example({type, fields}, withOptional) {
  const message = {type};
  for (const [name, field] of Object.entries(fields)) {
    if (withOptional || field.required) message[name] = structuredClone(field.example);
  }
  return message;
}

/** How each builder is called with a message's fields. */
const BUILD = {
  join: (fields) => protocol.join(fields),
  signal: ({to, payload}) => protocol.signal(to, payload),
  leave: () => protocol.leave(),
  ping: () => protocol.ping(),
  observe: ({enabled}) => protocol.observe(enabled),
  lock: ({locked}) => protocol.lock(locked),
  'refresh-ice-servers': () => protocol.refreshIceServers(),
};

function checkAgainst({type, fields}, message) {
  assert.equal(message.type, type, 'type');
  for (const [name, value] of Object.entries(message)) {
    if (name === 'type') continue;
    assert.ok(name in fields, `${type}.${name} is in the table`);
    assert.ok(typesOf(fields[name]).includes(jsonType(value)), `${type}.${name} is a ${typesOf(fields[name])}`);
  }
  for (const [name, field] of Object.entries(fields)) {
    if (field.required) assert.ok(name in message, `${type}.${name} is required`);
  }
}

test('protocol-schema: protocol.js knows exactly the server message types of the table', async () => {
  const types = (await inDirection('server-to-client')).map((message) => message.type).sort();
  assert.deepEqual(Object.values(protocol.ServerType).sort(), types);
});

test('protocol-schema: every client message of the table has a builder, which writes only table fields', async () => {
  const messages = await inDirection('client-to-server');
  assert.deepEqual(Object.keys(BUILD).sort(), messages.map((message) => message.type).sort());
  for (const message of messages) {
    const full = example(message, true);
    const built = BUILD[message.type](full);
    checkAgainst(message, built);
    for (const [name, value] of Object.entries(built)) assert.deepEqual(value, full[name], `${message.type}.${name}`);
    checkAgainst(message, BUILD[message.type](example(message, false)));
  }
});

test('protocol-schema: every server message the table allows is accepted, optional fields or not', async () => {
  for (const message of await inDirection('server-to-client')) {
    for (const withOptional of [true, false]) {
      const sent = example(message, withOptional);
      assert.deepEqual(protocol.parseServerMessage(JSON.stringify(sent)), sent, message.type);
    }
  }
});

test('protocol-schema: a required field of the wrong type is refused, naming the field', async () => {
  for (const message of await inDirection('server-to-client')) {
    for (const [name, field] of Object.entries(message.fields)) {
      if (!field.required) continue;
      const sent = {...example(message, true), [name]: wrongValueFor(field)};
      const error = assert.throws(() => protocol.parseServerMessage(JSON.stringify(sent)), 'ProtocolError',
          `${message.type}.${name} = ${JSON.stringify(sent[name])}`);
      assert.ok(error.where.startsWith(`${message.type}.${name}`), `${error.where} names ${message.type}.${name}`);
    }
  }
});
