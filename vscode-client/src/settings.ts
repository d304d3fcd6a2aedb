/**
 * Maps the `gptoss.*` VS Code settings to the configuration object the server reads
 * (`initializationOptions.gptoss` and `workspace/didChangeConfiguration` `settings.gptoss`).
 *
 * Only settings the user has set are sent: the server merges them field by field over the
 * workspace's `.gptoss.json`, so sending VS Code's defaults (an empty endpoint list) would hide it.
 */

export type Api = 'ollama' | 'openai';
export type PromptMode = 'auto' | 'raw' | 'chat';

export interface EndpointConfig {
  name: string;
  url: string;
  api?: Api;
  apiKeyEnv?: string;
  promptMode?: PromptMode;
}

export interface TierEntry {
  endpoint: string;
  model: string;
}

export interface ServerConfig {
  endpoints?: EndpointConfig[];
  tiers?: { fast?: TierEntry[]; strong?: TierEntry[] };
  completion?: { maxTokens?: number; timeoutMs?: number };
  exclude?: string[];
}

/** A `gptoss.*` setting by its key below `gptoss.`, or undefined when the user has not set it. */
export type SettingReader = (key: string) => unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
}

function endpoint(value: unknown): EndpointConfig | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const name = nonEmptyString(value.name);
  const url = nonEmptyString(value.url);
  if (!name || !url) {
    return undefined;
  }
  const result: EndpointConfig = { name, url };
  const api = oneOf(value.api, ['ollama', 'openai'] as const);
  const apiKeyEnv = nonEmptyString(value.apiKeyEnv);
  const promptMode = oneOf(value.promptMode, ['auto', 'raw', 'chat'] as const);
  if (api) result.api = api;
  if (apiKeyEnv) result.apiKeyEnv = apiKeyEnv;
  if (promptMode) result.promptMode = promptMode;
  return result;
}

function tierList(value: unknown): TierEntry[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value.flatMap((entry) => {
    const endpointName = isRecord(entry) ? nonEmptyString(entry.endpoint) : undefined;
    const model = isRecord(entry) ? nonEmptyString(entry.model) : undefined;
    return endpointName && model ? [{ endpoint: endpointName, model }] : [];
  });
}

/**
 * Invalid entries are dropped rather than sent (the settings UI already flags them), and so are
 * empty endpoint and tier lists, which the server would refuse.
 */
export function toServerConfig(read: SettingReader): ServerConfig {
  const config: ServerConfig = {};

  const endpoints = Array.isArray(read('endpoints'))
    ? (read('endpoints') as unknown[]).flatMap((e) => {
        const mapped = endpoint(e);
        return mapped ? [mapped] : [];
      })
    : [];
  // The server refuses an empty list; no endpoint means "use the server's default".
  if (endpoints.length > 0) {
    config.endpoints = endpoints;
  }

  const tiers = read('tiers');
  if (isRecord(tiers)) {
    const fast = tierList(tiers.fast);
    const strong = tierList(tiers.strong);
    if (fast?.length || strong?.length) {
      config.tiers = {};
      if (fast?.length) config.tiers.fast = fast;
      if (strong?.length) config.tiers.strong = strong;
    }
  }

  const maxTokens = positiveInt(read('completion.maxTokens'));
  const timeoutMs = positiveInt(read('completion.timeoutMs'));
  if (maxTokens !== undefined || timeoutMs !== undefined) {
    config.completion = {};
    if (maxTokens !== undefined) config.completion.maxTokens = maxTokens;
    if (timeoutMs !== undefined) config.completion.timeoutMs = timeoutMs;
  }

  const exclude = read('exclude');
  if (Array.isArray(exclude)) {
    config.exclude = exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  }
  return config;
}

/** `gptoss.inlineCompletion.languages` wins over `gptoss.inlineCompletion.enable` for the languages it names. */
export function inlineCompletionEnabled(languageId: string, enable: unknown, languages: unknown): boolean {
  if (isRecord(languages) && typeof languages[languageId] === 'boolean') {
    return languages[languageId] as boolean;
  }
  return enable !== false;
}
