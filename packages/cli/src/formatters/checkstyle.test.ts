import { describe, expect, it } from 'vitest';
import { formatCheckstyle } from './checkstyle.js';
import { sampleContext, sampleResults } from './sample-results.test-helper.js';
import { hasXmlParser, parseXml, xmlAttributes } from './xml-parser.test-helper.js';

describe('checkstyle formatter', () => {
  const output = formatCheckstyle(sampleResults, sampleContext);

  it('writes a <file> per result and an <error> per problem, escaped', () => {
    expect(output).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="Dockerfile">',
        '    <error line="1" column="12" severity="error" message="Image &quot;python:latest&quot; uses the latest tag. (no-latest-tag)" source="docmind-docker-lint.no-latest-tag" />',
        '    <error line="2" column="1" severity="warning" message="Runs as root: add &quot;USER app&quot; &amp; &lt;don&apos;t&gt; skip it, 100%,&#10;really. (require-user)" source="docmind-docker-lint.require-user" />',
        '    <error line="2" column="1" severity="warning" message="Unused docmind-docker-lint-disable directive (no problems were reported from &apos;keyword-case&apos;)." source="docmind-docker-lint" />',
        '  </file>',
        '  <file name="services/api/compose.yaml">',
        '    <error line="3" column="5" severity="error" message="Compose file is not valid YAML: unexpected end of the stream." source="docmind-docker-lint" />',
        '  </file>',
        '  <file name="clean/Dockerfile">',
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it.skipIf(!hasXmlParser)('is well-formed XML whose attributes read back as the messages', () => {
    expect(parseXml(output)).toEqual({ root: 'checkstyle' });
    expect(xmlAttributes(output, 'error', 'message')[1]).toBe('Runs as root: add "USER app" & <don\'t> skip it, 100%,\nreally. (require-user)');
  });

  it.skipIf(!hasXmlParser)('stays well-formed with control characters and lone surrogates in a message', () => {
    const [result] = sampleResults;
    const nasty = { ...result!, messages: [{ ...result!.messages[0]!, message: 'bad \u0001 \u0008 \uD800 ]]> \uFFFF end' }] };
    const xml = formatCheckstyle([nasty], sampleContext);
    expect(parseXml(xml)).toEqual({ root: 'checkstyle' });
    expect(xmlAttributes(xml, 'error', 'message')).toEqual(['bad \uFFFD \uFFFD \uFFFD ]]> \uFFFD end (no-latest-tag)']);
  });
});
