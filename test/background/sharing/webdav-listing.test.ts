/**
 * Reading a folder's listing (PROPFIND Depth: 1) into each file's ETag: Apache's answer
 * as saved from the tests' server, and the spellings RFC 4918 allows other servers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEtags } from '../../../lib/background/sharing/webdav-listing';

const apacheListing = readFileSync(join(__dirname, '../../fixtures/webdav/apache-propfind-parts.xml'), 'utf8');
const folder = 'http://127.0.0.1:8080/dav/listing%20demo.json.parts/';

describe("a folder's listing", () => {
  it("gives each file's tag by decoded path, as Apache lists them (the folder's own included)", () => {
    const etags = parseEtags(apacheListing, folder);
    const [tag00, tag01] = [
      etags.get('/dav/listing demo.json.parts/00.json'),
      etags.get('/dav/listing demo.json.parts/01.json'),
    ];
    expect(tag00).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(tag01).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(tag00).not.toBe(tag01);
    expect(etags.has('/dav/listing demo.json.parts/')).toBe(true);
  });

  it('reads any namespace prefix, escaped quotes, relative and absolute addresses', () => {
    const body = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">
      <d:response><d:href>03.json</d:href><d:propstat><d:prop>
        <d:getetag>&quot;abc&quot;</d:getetag></d:prop></d:propstat></d:response>
      <d:response><d:href>http://127.0.0.1:8080/dav/listing%20demo.json.parts/04.json</d:href>
        <d:propstat><d:prop><d:getetag>W/"weak"</d:getetag></d:prop></d:propstat></d:response>
    </d:multistatus>`;
    const etags = parseEtags(body, folder);
    expect(etags.get('/dav/listing demo.json.parts/03.json')).toBe('"abc"');
    expect(etags.get('/dav/listing demo.json.parts/04.json')).toBe('W/"weak"');
  });

  it('leaves out a file listed without a tag, and reads nothing from a body that is no listing', () => {
    const body = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/x/05.json</D:href>
      <D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
      </D:response></D:multistatus>`;
    expect(parseEtags(body, folder).size).toBe(0);
    expect(parseEtags('<html>Sign in</html>', folder).size).toBe(0);
  });
});
