/** The `gptoss/status` object (docs/protocol.md) and how the status bar shows it. */

export type OverallState = 'starting' | 'ready' | 'loading' | 'degraded' | 'offline';

export interface InstanceStatus {
  tier?: string;
  endpoint?: string;
  url?: string;
  api?: string;
  model?: string;
  state?: string;
  promptMode?: string;
  detail?: string;
  p50Ms?: number | null;
  p95Ms?: number | null;
  outstanding?: number;
  breaker?: string;
}

/** A workspace `.gptoss.json` and whether the user approved where it sends code (docs/protocol.md). */
export interface WorkspaceFileStatus {
  path?: string;
  sha256?: string;
  approval?: 'approved' | 'not-approved' | 'changed-since-approval' | string;
  withheld?: string[];
  destinations?: string[];
  fix?: string;
}

export interface GptossStatus {
  state?: OverallState | string;
  message?: string;
  model?: string;
  busy?: number;
  fix?: string | null;
  instances?: InstanceStatus[];
  configuration?: { endpointsFrom?: string; workspaceFile?: WorkspaceFileStatus };
}

/** The workspace file whose endpoints wait for the user's approval, if there is one. */
export function pendingApproval(status: GptossStatus | undefined): WorkspaceFileStatus | undefined {
  const file = status?.configuration?.workspaceFile;
  return file?.sha256 && file.path && (file.withheld?.length ?? 0) > 0 ? file : undefined;
}

/** What the approval dialog asks: the file, and everywhere it would send code. */
export function approvalQuestion(file: WorkspaceFileStatus): { message: string; detail: string } {
  const changed = file.approval === 'changed-since-approval' ? ' It has changed since you approved it.' : '';
  const destinations = file.destinations?.length ? file.destinations.map((d) => `• ${d}`).join('\n') : '(no endpoints)';
  return {
    message: `Let ${file.path} decide where gpt-oss sends your code?`,
    detail: `It sets ${(file.withheld ?? []).join(', ')}. Your code would be sent to:\n${destinations}\n\n`
      + `Approve only if you trust this repository.${changed} The approval holds for this content only.`,
  };
}

export type Severity = 'normal' | 'warning' | 'error';

export interface RenderedStatus {
  text: string;
  tooltip: string;
  severity: Severity;
  /** Screen-reader label; starts with "gpt-oss: <state>" so tests can find the item. */
  ariaLabel: string;
}

export interface RenderOptions {
  inlineCompletionEnabled: boolean;
}

function ms(value: number | null | undefined): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value)} ms` : undefined;
}

/** "fast · local · gpt-oss:20b: ready, p50 120 ms, p95 450 ms, breaker open — detail" */
export function instanceLine(instance: InstanceStatus): string {
  const name = [instance.tier, instance.endpoint, instance.model].filter(Boolean).join(' · ') || instance.url || 'instance';
  const facts = [instance.state ?? 'unknown'];
  const p50 = ms(instance.p50Ms);
  const p95 = ms(instance.p95Ms);
  if (p50) facts.push(`p50 ${p50}`);
  if (p95) facts.push(`p95 ${p95}`);
  if (instance.outstanding) facts.push(`${instance.outstanding} in flight`);
  if (instance.breaker && instance.breaker !== 'closed') facts.push(`breaker ${instance.breaker}`);
  const detail = instance.detail ? ` — ${instance.detail}` : '';
  return `${name}: ${facts.join(', ')}${detail}`;
}

/** A status that has not arrived yet reads as "starting". */
export function renderStatus(status: GptossStatus | undefined, options: RenderOptions): RenderedStatus {
  const state = status?.state ?? 'starting';
  const model = status?.model || 'gpt-oss';
  const busy = (status?.busy ?? 0) > 0;
  let icon: string;
  let label = model;
  let severity: Severity = 'normal';
  switch (state) {
    case 'ready':
      icon = busy ? '$(loading~spin)' : '$(sparkle)';
      break;
    case 'starting':
    case 'loading':
      icon = '$(loading~spin)';
      break;
    case 'degraded':
      icon = busy ? '$(loading~spin)' : '$(warning)';
      severity = 'warning';
      break;
    case 'offline':
      icon = '$(circle-slash)';
      label = 'offline';
      severity = 'error';
      break;
    default:
      icon = '$(question)';
      severity = 'warning';
  }
  const suffix = options.inlineCompletionEnabled ? '' : ' (inline off)';

  const lines = [status?.message || `gpt-oss: ${state}`];
  for (const instance of status?.instances ?? []) {
    lines.push(instanceLine(instance));
  }
  if (status?.fix) {
    lines.push(`Fix: ${status.fix}`);
  }
  const pending = pendingApproval(status);
  if (pending) {
    lines.push(`${pending.path} is not used for endpoints until you approve it (gpt-oss: Approve Workspace Endpoints).`);
  }
  if (!options.inlineCompletionEnabled) {
    lines.push('Inline completions are turned off (gpt-oss: Toggle Inline Completions).');
  }
  lines.push('Click for details.');

  return {
    text: `${icon} ${label}${suffix}`,
    tooltip: lines.join('\n'),
    severity,
    ariaLabel: `gpt-oss: ${state}${busy ? ', busy' : ''}, ${model}${suffix}`,
  };
}

/**
 * The command in a `fix` hint: the first `backticked` part if there is one
 * ("Run `ollama pull gpt-oss:20b`" → "ollama pull gpt-oss:20b"), else the whole hint.
 */
export function fixCommand(fix: string | null | undefined): string | undefined {
  if (!fix || !fix.trim()) {
    return undefined;
  }
  const quoted = /`([^`]+)`/.exec(fix);
  return (quoted ? quoted[1] : fix).trim();
}

/** The status the client reports itself when the server process is not running. */
export function serverDownStatus(reason: string): GptossStatus {
  return { state: 'offline', message: reason, model: 'gpt-oss', busy: 0, fix: null, instances: [] };
}
