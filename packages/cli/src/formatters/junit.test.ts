import { describe, expect, it } from 'vitest';
import { formatJunit } from './junit.js';
import { sampleContext, sampleResults } from './sample-results.test-helper.js';
import { hasXmlParser, parseXml, xmlAttributes } from './xml-parser.test-helper.js';

describe('junit formatter', () => {
  const output = formatJunit(sampleResults, sampleContext);

  it('writes a test suite per file, a failed test case per problem and a passing one for a clean file', () => {
    expect(output).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites name="docmind-docker-lint" tests="5" failures="4" errors="0" time="0">',
        '  <testsuite name="Dockerfile" tests="3" failures="3" errors="0" skipped="0" time="0">',
        '    <testcase name="no-latest-tag" classname="Dockerfile" time="0">',
        '      <failure type="error" message="Image &quot;python:latest&quot; uses the latest tag.">Dockerfile:1:12: error: Image &quot;python:latest&quot; uses the latest tag.</failure>',
        '    </testcase>',
        '    <testcase name="require-user" classname="Dockerfile" time="0">',
        '      <failure type="warning" message="Runs as root: add &quot;USER app&quot; &amp; &lt;don&apos;t&gt; skip it, 100%,&#10;really.">Dockerfile:2:1: warning: Runs as root: add &quot;USER app&quot; &amp; &lt;don&apos;t&gt; skip it, 100%,&#10;really.</failure>',
        '    </testcase>',
        '    <testcase name="docmind-docker-lint" classname="Dockerfile" time="0">',
        "      <failure type=\"warning\" message=\"Unused docmind-docker-lint-disable directive (no problems were reported from &apos;keyword-case&apos;).\">Dockerfile:2:1: warning: Unused docmind-docker-lint-disable directive (no problems were reported from &apos;keyword-case&apos;).</failure>",
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="services/api/compose.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="docmind-docker-lint" classname="services/api/compose.yaml" time="0">',
        '      <failure type="error" message="Compose file is not valid YAML: unexpected end of the stream.">services/api/compose.yaml:3:5: error: Compose file is not valid YAML: unexpected end of the stream.</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="clean/Dockerfile" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="docmind-docker-lint" classname="clean/Dockerfile" time="0" />',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it.skipIf(!hasXmlParser)('is well-formed XML', () => {
    expect(parseXml(output)).toEqual({ root: 'testsuites' });
    expect(xmlAttributes(output, 'testsuite', 'name')).toEqual(['Dockerfile', 'services/api/compose.yaml', 'clean/Dockerfile']);
  });

  it('writes an empty suite list for no files', () => {
    expect(formatJunit([], sampleContext)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="docmind-docker-lint" tests="0" failures="0" errors="0" time="0">\n</testsuites>\n',
    );
  });
});
