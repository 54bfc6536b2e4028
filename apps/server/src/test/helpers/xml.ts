/**
 * A small, strict XML reader for the Open311 tests: elements, text, self-closing tags, the five
 * predefined entities and numeric references; no attributes, comments or namespaces (GeoReport v2 XML
 * has none). It throws on anything it does not understand, so malformed output fails the test.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** Text of a leaf element; null for `<x/>`. */
  text: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/[<>]/.test(raw)) throw new Error(`unescaped markup in text: ${raw.slice(0, 40)}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error('bare & in text');
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`unknown entity &${entity};`);
    return value;
  });
}

export function parseXml(document: string): { declaration: string; root: XmlElement } {
  const declaration = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/i.exec(document);
  if (!declaration) throw new Error('missing <?xml version="1.0" encoding="utf-8"?> declaration');
  let at = declaration[0].length;
  const name = /^[A-Za-z_][A-Za-z0-9_.-]*/;

  function readElement(): XmlElement {
    if (document[at] !== '<') throw new Error(`expected < at ${at}`);
    at += 1;
    const tag = name.exec(document.slice(at));
    if (!tag) throw new Error(`bad tag name at ${at}`);
    at += tag[0].length;
    if (document.startsWith('/>', at)) {
      at += 2;
      return { name: tag[0], children: [], text: null };
    }
    if (document[at] !== '>') throw new Error(`attributes are not expected (at ${at} in <${tag[0]}>)`);
    at += 1;
    const children: XmlElement[] = [];
    let text = '';
    while (!document.startsWith(`</${tag[0]}>`, at)) {
      if (at >= document.length) throw new Error(`<${tag[0]}> is not closed`);
      if (document[at] === '<') {
        if (document[at + 1] === '/') throw new Error(`mismatched closing tag at ${at}, expected </${tag[0]}>`);
        children.push(readElement());
      } else {
        const next = document.indexOf('<', at);
        text += document.slice(at, next === -1 ? document.length : next);
        at = next === -1 ? document.length : next;
      }
    }
    at += tag[0].length + 3;
    if (children.length > 0 && text.trim() !== '') throw new Error(`mixed content in <${tag[0]}>`);
    return { name: tag[0], children, text: children.length > 0 ? null : decode(text) };
  }

  const root = readElement();
  if (document.slice(at).trim() !== '') throw new Error('content after the root element');
  return { declaration: declaration[0].trim(), root };
}

/** GeoReport v2 containers whose children form a JSON array (the Spark convention). */
const LISTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

export type SparkLeaf = string | null;
export type Spark = SparkLeaf | Spark[] | { [key: string]: Spark };

/** The JSON shape of an XML element by the Spark convention, leaves left as text (or null for `<x/>`). */
export function sparkOf(element: XmlElement): Spark {
  const item = LISTS[element.name];
  if (item !== undefined) {
    const wrong = element.children.find((child) => child.name !== item);
    if (wrong) throw new Error(`<${element.name}> holds <${wrong.name}>, expected only <${item}>`);
    return element.children.map(sparkOf);
  }
  if (element.children.length === 0) return element.text;
  const object: Record<string, Spark> = {};
  for (const child of element.children) {
    if (child.name in object) throw new Error(`<${child.name}> repeats inside <${element.name}>`);
    object[child.name] = sparkOf(child);
  }
  return object;
}

/** A JSON value with its leaves as the text XML carries, to compare the two formats of one answer. */
export function asXmlText(value: unknown): Spark {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asXmlText(entry)]));
  return String(value);
}
