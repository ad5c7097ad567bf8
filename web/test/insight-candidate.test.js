import {candidateTypeMeaning, decodePriority, parseCandidate} from '../js/insight/candidate.js';
import {assert, test} from './runner.js';

test('insight candidate: a Chromium host candidate with its extension attributes kept', () => {
  const candidate = parseCandidate('candidate:3348624932 1 udp 2122260223 192.168.1.5 54321 typ host '
    + 'generation 0 ufrag W0bz network-id 1 network-cost 10');
  assert.equal(candidate.foundation, '3348624932');
  assert.equal(candidate.component, 1);
  assert.equal(candidate.protocol, 'udp');
  assert.equal(candidate.priority, 2122260223);
  assert.equal(candidate.address, '192.168.1.5');
  assert.equal(candidate.port, 54321);
  assert.equal(candidate.type, 'host');
  assert.equal(candidate.relatedAddress, null);
  assert.equal(candidate.tcpType, null);
  assert.equal(candidate.mdns, false);
  assert.equal(candidate.ipVersion, 4);
  assert.deepEqual(candidate.extensions, {generation: '0', ufrag: 'W0bz', 'network-id': '1', 'network-cost': '10'});
  assert.equal(candidate.ufrag, 'W0bz');
});

test('insight candidate: the a= prefix, Firefox\'s upper-case transport and a srflx with raddr/rport', () => {
  const candidate = parseCandidate('a=candidate:1 1 UDP 1686052607 203.0.113.7 61022 typ srflx '
    + 'raddr 192.168.1.5 rport 61022');
  assert.equal(candidate.protocol, 'udp');
  assert.equal(candidate.type, 'srflx');
  assert.equal(candidate.relatedAddress, '192.168.1.5');
  assert.equal(candidate.relatedPort, 61022);
  assert.deepEqual(candidate.extensions, {});
});

test('insight candidate: an mDNS host candidate hides the address behind a .local name', () => {
  const candidate = parseCandidate('candidate:2830290532 1 udp 2113937151 '
    + '3b0e1a9c-5e8c-4d2a-9f3e-0a1b2c3d4e5f.local 56789 typ host generation 0 ufrag Kz2N network-cost 999');
  assert.equal(candidate.mdns, true);
  assert.equal(candidate.ipVersion, null);
  assert.equal(candidate.address, '3b0e1a9c-5e8c-4d2a-9f3e-0a1b2c3d4e5f.local');
});

test('insight candidate: IPv6 and TCP candidates with their tcptype', () => {
  const v6 = parseCandidate('candidate:842163049 1 udp 2122194687 2001:db8::1 50000 typ host generation 0');
  assert.equal(v6.ipVersion, 6);
  assert.equal(v6.address, '2001:db8::1');
  const tcp = parseCandidate('candidate:1606961068 1 tcp 1518280447 192.168.1.5 9 typ host tcptype active '
    + 'generation 0 network-id 1');
  assert.equal(tcp.protocol, 'tcp');
  assert.equal(tcp.port, 9);
  assert.equal(tcp.tcpType, 'active');
  assert.equal(tcp.extensions.tcptype, undefined, 'tcptype is a field, not an extension');
  const relay = parseCandidate('candidate:3 1 tcp 41885439 198.51.100.2 3478 typ relay raddr 203.0.113.7 '
    + 'rport 50123 tcptype passive');
  assert.equal(relay.type, 'relay');
  assert.equal(relay.tcpType, 'passive');
  assert.equal(relay.relatedPort, 50123);
});

test('insight candidate: broken lines get errors that say what is wrong', () => {
  assert.ok(assert.throws(() => parseCandidate('foo 1 udp 1 1.2.3.4 5 typ host'), 'SyntaxError')
    .message.includes('starts with "candidate:"'));
  assert.ok(assert.throws(() => parseCandidate('candidate:1 1 udp 1 1.2.3.4 5 host'), 'SyntaxError')
    .message.includes('"typ"'));
  assert.ok(assert.throws(() => parseCandidate('candidate:1 1 udp 1 1.2.3.4 70000 typ host'), 'SyntaxError')
    .message.includes('port'));
  assert.ok(assert.throws(() => parseCandidate('candidate:1 0 udp 1 1.2.3.4 5 typ host'), 'SyntaxError')
    .message.includes('component'));
  assert.ok(assert.throws(() => parseCandidate('candidate:1 1 udp x 1.2.3.4 5 typ host'), 'SyntaxError')
    .message.includes('priority'));
  assert.ok(assert.throws(() => parseCandidate('candidate:1 1 udp 1 1.2.3.4 5 typ host generation'),
      'SyntaxError').message.includes('pairs'));
});

test('insight candidate: priorities decode into type preference, local preference and component', () => {
  assert.deepEqual(decodePriority(2122260223), {typePreference: 126, localPreference: 32542, component: 1});
  assert.deepEqual(decodePriority('1686052607'), {typePreference: 100, localPreference: 32542, component: 1});
  assert.deepEqual(decodePriority(41885439), {typePreference: 2, localPreference: 32542, component: 1});
  assert.deepEqual(decodePriority(2122260222), {typePreference: 126, localPreference: 32542, component: 2});
  assert.deepEqual(decodePriority(0xffffffff), {typePreference: 255, localPreference: 65535, component: 1});
  assert.throws(() => decodePriority(-1), 'RangeError');
  assert.throws(() => decodePriority(2 ** 32), 'RangeError');
  assert.throws(() => decodePriority(1.5), 'RangeError');
});

test('insight candidate: each type is explained, and an unknown one says so', () => {
  for (const type of ['host', 'srflx', 'prflx', 'relay']) {
    assert.ok(candidateTypeMeaning(type).includes('RFC 8445'), type);
  }
  assert.ok(candidateTypeMeaning('relay').includes('TURN'));
  assert.ok(candidateTypeMeaning('weird').includes('not a candidate type'));
});
