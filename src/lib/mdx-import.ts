// An MDX ESM node `import <name> from "<path>";`, for remark steps that add a component to a
// page (code cells, the device toggle).

export interface MdxEsmNode {
  type: "mdxjsEsm";
  value: string;
  data: { estree: unknown };
  [key: string]: unknown;
}

export function mdxDefaultImport(name: string, path: string): MdxEsmNode {
  const source = JSON.stringify(path);
  return {
    type: "mdxjsEsm",
    value: `import ${name} from ${source};`,
    // MDX compiles ESM from its estree, so the import is given as a parsed program.
    data: {
      estree: {
        type: "Program",
        sourceType: "module",
        body: [
          {
            type: "ImportDeclaration",
            specifiers: [{ type: "ImportDefaultSpecifier", local: { type: "Identifier", name } }],
            source: { type: "Literal", value: path, raw: source },
            attributes: [],
          },
        ],
      },
    },
  };
}
