/**
 * The Deploy CLI validates every import against its whole tenant schema with a new ajv 6
 * instance (auth0-deploy-cli lib/tools/auth0/index.js, `validate()`), and ajv compiles
 * that schema again each time: 10 to 20 s of CPU per deploy() here, nearly all of a
 * contract test's time. Within one test process the schema object and the ajv options
 * never change, so the compiled validator is kept and reused; the validation itself still
 * runs, on every deploy, with the Deploy CLI's own schema and options.
 */
import { createRequire } from "node:module";

interface AjvValidator {
  (data: unknown): boolean;
  errors?: unknown;
}

interface AjvInstance {
  compile(schema: object): AjvValidator;
  errors?: unknown;
  _opts: unknown;
}

type ValidateMethod = (this: AjvInstance, schema: unknown, data: unknown) => boolean;

let installed = false;

export function reuseDeployCliSchemaCompilation(): void {
  if (installed) return;
  installed = true;
  // Resolved from the Deploy CLI's own folder, so this is the copy it requires.
  const requireFromDeployCli = createRequire(createRequire(import.meta.url).resolve("auth0-deploy-cli"));
  const Ajv = requireFromDeployCli("ajv/lib/ajv") as { prototype: { validate: ValidateMethod } };
  const original = Ajv.prototype.validate;
  const compiled = new WeakMap<object, Map<string, AjvValidator>>();
  Ajv.prototype.validate = function (this: AjvInstance, schema: unknown, data: unknown): boolean {
    if (typeof schema !== "object" || schema === null) return original.call(this, schema, data);
    const options = JSON.stringify(this._opts);
    const byOptions = compiled.get(schema) ?? new Map<string, AjvValidator>();
    compiled.set(schema, byOptions);
    let validator = byOptions.get(options);
    if (validator === undefined) {
      validator = this.compile(schema);
      byOptions.set(options, validator);
    }
    const valid = validator(data);
    this.errors = validator.errors;
    return valid;
  };
}
