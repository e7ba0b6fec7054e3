/**
 * A document parsed by a conformant XML parser (saxes) into a small tree, so that tests
 * read the report page by its structure (tables, cells, SVG elements) instead of by
 * pattern, and so that anything not well-formed fails to parse at all.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Throws the parser's own message (with line and column) on the first well-formedness error. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const open: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [] };
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  parser.on("closetag", () => {
    open.pop();
  });
  parser.on("text", (text) => {
    open.at(-1)?.children.push(text);
  });
  parser.write(text).close();
  if (failure) throw failure;
  return root;
}

export function textOf(node: XmlNode): string {
  return typeof node === "string" ? node : node.children.map(textOf).join("");
}

export function elements(node: XmlElement, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (name === undefined || child.name === name) found.push(child);
    found.push(...elements(child, name));
  }
  return found;
}

export function byId(node: XmlElement, id: string): XmlElement {
  const found = elements(node).find((element) => element.attributes.id === id);
  if (!found) throw new Error(`no element with id ${id}`);
  return found;
}

/** A table's body rows, as the text of each cell (header cells included). */
export function tableRows(table: XmlElement): string[][] {
  const body = elements(table, "tbody")[0];
  if (!body) throw new Error("the table has no tbody");
  return elements(body, "tr").map((row) =>
    row.children.filter((cell): cell is XmlElement => typeof cell !== "string").map((cell) => textOf(cell).trim()),
  );
}
