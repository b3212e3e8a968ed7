import { spawnSync } from 'node:child_process';

/** Whether a real XML parser (Python's expat, through python3) is on this machine. */
export const hasXmlParser = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { encoding: 'utf8' }).status === 0;

/**
 * Parses XML with Python's expat and returns the root element's name and the parser's error, if any.
 * No XML parser is among the workspace's Node dependencies, so the tests borrow Python's.
 */
export function parseXml(xml: string): { root?: string; error?: string } {
  const script = [
    'import sys, json, xml.dom.minidom',
    'try:',
    '  doc = xml.dom.minidom.parseString(sys.stdin.buffer.read())',
    '  print(json.dumps({"root": doc.documentElement.tagName}))',
    'except Exception as e:',
    '  print(json.dumps({"error": str(e)}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: Buffer.from(xml, 'utf8'), encoding: 'utf8' });
  return JSON.parse(run.stdout) as { root?: string; error?: string };
}

/** Every attribute value of every element with this name, decoded by the parser. */
export function xmlAttributes(xml: string, element: string, attribute: string): string[] {
  const script = [
    'import sys, json, xml.dom.minidom',
    'doc = xml.dom.minidom.parseString(sys.stdin.buffer.read())',
    `print(json.dumps([e.getAttribute(${JSON.stringify(attribute)}) for e in doc.getElementsByTagName(${JSON.stringify(element)})]))`,
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: Buffer.from(xml, 'utf8'), encoding: 'utf8' });
  return JSON.parse(run.stdout) as string[];
}
