import { readFile } from "node:fs/promises";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { projectPath } from "../../src/paths.js";
import type { FieldError } from "./errors.js";

/** Where CI and developers keep Discord's OpenAPI description: `../shared` beside the repository. */
// Beside the project folder (../shared), whether this runs from tools/ or compiled from dist/tools/.
const DEFAULT_SPEC_PATH = projectPath("..", "shared", "discord-api-spec", "openapi.json");

// ajv-formats is CommonJS: under NodeNext the default import is module.exports, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

type JsonObject = { [key: string]: unknown };

const loaded = new Map<string, Promise<ApiSpec | null>>();

/** Discord's OpenAPI description, used to validate the request bodies the bot sends. */
export class ApiSpec {
  private readonly ajv: Ajv2020;
  private readonly paths: JsonObject;
  private readonly templates: { template: string; segments: string[] }[];
  private readonly validators = new Map<string, ValidateFunction | null>();

  private constructor(document: JsonObject) {
    this.paths = (document.paths ?? {}) as JsonObject;
    this.templates = Object.keys(this.paths).map((template) => ({ template, segments: template.split("/") }));
    this.ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addFormat("snowflake", /^(0|[1-9][0-9]*)$/);
    this.ajv.addFormat("nonce", true);
    this.ajv.addSchema(document, "openapi");
  }

  /**
   * Loads (once per process and path) the spec; resolves null, with one warning per path, when the file is absent
   * so a fresh clone without ../shared still runs.
   */
  static load(path: string = DEFAULT_SPEC_PATH): Promise<ApiSpec | null> {
    let pending = loaded.get(path);
    if (!pending) {
      pending = readFile(path, "utf8").then(
        (text) => new ApiSpec(acceptBitfieldStrings(discriminateUnions(JSON.parse(text) as JsonObject))),
        (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
          console.warn(`[local-discord] ${path} not found: request bodies are not checked against Discord's spec`);
          return null;
        },
      );
      loaded.set(path, pending);
    }
    return pending;
  }

  /** Whether Discord documents this route template (e.g. "/channels/{channel_id}/messages") for this method. */
  has(template: string, method: string): boolean {
    const item = this.paths[template] as JsonObject | undefined;
    return item !== undefined && method.toLowerCase() in item;
  }

  /** The documented route template a concrete path such as "/channels/123/messages" belongs to, if any. */
  templateOf(path: string): string | undefined {
    const segments = path.split("/");
    let best: { template: string; literals: number } | undefined;
    for (const { template, segments: pattern } of this.templates) {
      if (pattern.length !== segments.length) continue;
      let literals = 0;
      const matches = pattern.every((part, i) => {
        if (part.startsWith("{")) return segments[i] !== "";
        literals++;
        return part === segments[i];
      });
      if (matches && (!best || literals > best.literals)) best = { template, literals };
    }
    return best?.template;
  }

  /** Validates a JSON request body (or a multipart request's payload_json) against the route's documented schema. */
  validate(template: string, method: string, body: unknown): FieldError[] {
    const validator = this.validator(template, method.toLowerCase());
    if (!validator || validator(body)) return [];
    return cleanErrors(validator.errors ?? []).map(toFieldError);
  }

  private validator(template: string, method: string): ValidateFunction | null {
    const key = `${method} ${template}`;
    let validator = this.validators.get(key);
    if (validator === undefined) {
      const content = (
        ((this.paths[template] as JsonObject | undefined)?.[method] as JsonObject | undefined)?.requestBody as
          | JsonObject
          | undefined
      )?.content as JsonObject | undefined;
      const pointer = ["paths", template, method, "requestBody", "content", "application/json", "schema"]
        .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
        .join("/");
      validator = content?.["application/json"] ? (this.ajv.getSchema(`openapi#/${pointer}`) ?? null) : null;
      this.validators.set(key, validator);
    }
    return validator;
  }
}

/**
 * Discord's unions of component/callback shapes are told apart by their `type`. Ajv's own discriminator takes only
 * string tags, so each such union becomes `if type is X then branch X`: Ajv then checks only the branch the body names,
 * and errors point at the real problem instead of at every other branch.
 */
function discriminateUnions(document: JsonObject): JsonObject {
  const schemas = ((document.components as JsonObject | undefined)?.schemas ?? {}) as Record<string, JsonObject>;
  const deref = (schema: unknown): JsonObject | undefined => {
    const ref = (schema as JsonObject | undefined)?.$ref;
    return typeof ref === "string" ? schemas[ref.split("/").at(-1) ?? ""] : (schema as JsonObject | undefined);
  };
  const typeValues = (schema: JsonObject | undefined): unknown[] | undefined => {
    const type = (schema?.properties as JsonObject | undefined)?.type as JsonObject | undefined;
    if (!type || !(schema?.required as unknown[] | undefined)?.includes("type")) return undefined;
    if (Array.isArray(type.enum)) return type.enum;
    return "const" in type ? [type.const] : undefined;
  };
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const object = node as JsonObject;
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const branches = object[keyword];
      if (!Array.isArray(branches) || branches.length < 2) continue;
      const values = branches.map((branch) => typeValues(deref(branch)));
      const flat = values.flatMap((v) => v ?? []);
      if (values.every((v) => v !== undefined) && new Set(flat).size === flat.length) {
        delete object[keyword];
        const guard = { type: "object", required: ["type"], properties: { type: { enum: flat } } };
        const pick = branches.map((then, i) => ({
          if: { required: ["type"], properties: { type: { enum: values[i] } } },
          then,
        }));
        object.allOf = [...((object.allOf as unknown[] | undefined) ?? []), guard, ...pick];
      }
    }
    for (const value of Object.values(object)) visit(value);
  };
  visit(document);
  return document;
}

/**
 * Permission bitfields (e.g. a command's default_member_permissions) are described as integers up to 2^54, past what
 * a JSON number holds exactly; Discord takes them as decimal strings, which is what discord.js sends.
 */
function acceptBitfieldStrings(document: JsonObject): JsonObject {
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const object = node as JsonObject;
    const types = [object.type].flat();
    const bitfield =
      types.includes("integer") &&
      object.format === undefined &&
      typeof object.maximum === "number" &&
      object.maximum > Number.MAX_SAFE_INTEGER;
    if (bitfield) {
      object.type = [...types, "string"];
      object.pattern = "^[0-9]+$";
    }
    for (const value of Object.values(object)) visit(value);
  };
  visit(document);
  return document;
}

/** Drops the noise unions add around the real error: nullable `oneOf: [null, X]`'s "must be null" and summary lines. */
function cleanErrors(errors: ErrorObject[]): ErrorObject[] {
  const meaningful = errors.filter(
    (e) =>
      e.keyword !== "oneOf" &&
      e.keyword !== "anyOf" &&
      e.keyword !== "if" &&
      !(e.keyword === "type" && e.params.type === "null"),
  );
  const chosen = meaningful.length > 0 ? meaningful : errors;
  const seen = new Set<string>();
  return chosen.filter((e) => {
    const key = `${e.instancePath} ${e.keyword} ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Maps an Ajv error onto the code and wording Discord uses for the same mistake. */
function toFieldError(error: ErrorObject): FieldError {
  const base = error.instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
  const at = (...extra: string[]) => [...base, ...extra].join(".");
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "maxLength":
    case "maxItems":
      return { path: at(), code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${params.limit} or fewer in length.` };
    case "minLength":
    case "minItems":
      return { path: at(), code: "BASE_TYPE_MIN_LENGTH", message: `Must be ${params.limit} or more in length.` };
    case "required":
      return {
        path: at(String(params.missingProperty)),
        code: "BASE_TYPE_REQUIRED",
        message: "This field is required",
      };
    case "maximum":
      return { path: at(), code: "NUMBER_TYPE_MAX", message: `Value should be less than or equal to ${params.limit}.` };
    case "minimum":
      return {
        path: at(),
        code: "NUMBER_TYPE_MIN",
        message: `Value should be greater than or equal to ${params.limit}.`,
      };
    case "enum":
      return {
        path: at(),
        code: "BASE_TYPE_CHOICES",
        message: `Value must be one of (${(params.allowedValues as unknown[]).join(", ")}).`,
      };
    default:
      return { path: at(), code: "BASE_TYPE_INVALID", message: `Invalid value: ${error.message ?? error.keyword}.` };
  }
}
