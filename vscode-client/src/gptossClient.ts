import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorCodes,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { locateJava, systemJavaProbe, trustedValue } from './javaLocator';
import { MetricsPage } from './metricsRender';
import { bundledServer, CrashWindow, imageLaunch, serverArgs, StderrTail } from './serverProcess';
import { inlineCompletionEnabled, ServerConfig, toServerConfig } from './settings';
import { GptossStatus, serverDownStatus } from './statusRender';

/** Commands this extension contributes itself; the server must not take them over (see `start`). */
const CLIENT_COMMANDS = [
  'gptoss.toggleInlineCompletions', 'gptoss.showStatus', 'gptoss.showContext', 'gptoss.showMetrics', 'gptoss.restartServer',
  // The server's command of this name approves without asking; the client's asks the user first.
  'gptoss.approveWorkspaceFile',
];

export function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('gptoss');
}

/** Settings where code goes: from the user's settings only (they are machine-scoped in package.json). */
const USER_ONLY_SETTINGS = ['endpoints', 'tiers'];

/**
 * Settings the user set, mapped to the server's object. Where code and keys go comes from the
 * user's own settings only: a cloned repository's .vscode/settings.json, trusted or not, must not
 * point the server (and an API key) at a host of its choosing; its .gptoss.json can, once approved.
 */
export function currentServerConfig(): ServerConfig {
  const config = section();
  return toServerConfig((key) => {
    const inspected = config.inspect(key);
    return USER_ONLY_SETTINGS.includes(key) ? inspected?.globalValue : trustedValue(inspected, true);
  });
}

export function inlineEnabledFor(languageId: string): boolean {
  const config = section();
  return inlineCompletionEnabled(languageId, config.get('inlineCompletion.enable'), config.get('inlineCompletion.languages'));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Owns the language client: starts the server it carries (finding Java for the jar), restarts it, forwards settings and status. */
export class GptossClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly stderrTail = new StderrTail(20);
  private readonly crashes = new CrashWindow(4, 3 * 60_000);
  private readonly disposables: vscode.Disposable[] = [];
  /** Why the server is down, kept so that the status bar keeps saying it after the client stops. */
  private lastFailure: string | undefined;

  constructor(
    private readonly extensionPath: string,
    readonly log: vscode.LogOutputChannel,
    private readonly onStatus: (status: GptossStatus) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => this.configurationChanged(event)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.sendConfiguration()),
    );
  }

  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  async start(): Promise<void> {
    this.lastFailure = undefined;
    const bundled = bundledServer(this.extensionPath, process.platform, isFile);
    if (!bundled) {
      return this.fail(`gpt-oss: the language server is missing from the extension (${path.join(this.extensionPath, 'server')}). `
        + 'Reinstall the extension from a complete .vsix.');
    }
    const serverOptions = bundled.kind === 'image' ? this.imageServer(bundled) : await this.jarServer(bundled.jar);
    if (!serverOptions) {
      return;
    }
    const client = new QuietLanguageClient('gptoss', 'gpt-oss', serverOptions, this.clientOptions());
    this.keepClientCommandsOurs(client);
    client.onNotification('gptoss/status', (status: GptossStatus) => this.onStatus(status));
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) {
        this.onStatus(serverDownStatus(this.lastFailure ?? 'The gpt-oss language server is not running.'));
      } else if (newState === State.Running) {
        void this.requestStatus().then((s) => s && this.onStatus(s), () => undefined);
      }
    });
    this.client = client;
    const crashesBefore = this.crashes.recentCrashes;
    try {
      await client.start();
    } catch (error) {
      // A server that died while starting is the crash policy's business (errorHandler.closed),
      // whose close event may arrive just after this rejection; anything else (java would not
      // even run) is reported here.
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (this.crashes.recentCrashes > crashesBefore) {
        this.log.warn(`The server stopped while starting: ${messageOf(error)}`);
      } else if (this.client === client) {
        this.fail(`gpt-oss: the language server did not start: ${messageOf(error)}${this.tailText()}`, 'Show Log');
      }
    }
  }

  /** The platform .vsix: the runtime image's launcher, which needs no Java from the machine. */
  private imageServer(image: { launcher: string; java: string }): ServerOptions {
    // A .vsix is a zip: make sure what it unpacked can run.
    for (const file of [image.launcher, image.java]) {
      try {
        fs.accessSync(file, fs.constants.X_OK);
      } catch {
        fs.chmodSync(file, 0o755);
      }
    }
    const launch = imageLaunch(image.launcher, trustedValue(section().inspect<string>('java.vmargs'), vscode.workspace.isTrusted), process.env);
    this.log.info(`Starting ${launch.command} (the server with its own Java runtime)`
      + (launch.env === process.env ? '' : ` with JDK_JAVA_OPTIONS=${launch.env.JDK_JAVA_OPTIONS}`));
    return { command: launch.command, args: [], transport: TransportKind.stdio, options: { env: launch.env } };
  }

  /** The universal .vsix: the jar, on a Java 17+ found on the machine. */
  private async jarServer(jar: string): Promise<ServerOptions | undefined> {
    const config = section();
    const trusted = vscode.workspace.isTrusted;
    const java = await locateJava(trustedValue(config.inspect<string>('java.home'), trusted) ?? undefined, systemJavaProbe());
    if (!java.ok) {
      this.fail(java.message, 'Open Settings');
      return undefined;
    }
    const args = serverArgs(trustedValue(config.inspect<string>('java.vmargs'), trusted), jar);
    this.log.info(`Starting ${java.javaExe} (Java ${java.major}, from ${java.source}) ${args.join(' ')}`);
    return { command: java.javaExe, args, transport: TransportKind.stdio, options: { env: process.env } };
  }

  async restart(): Promise<void> {
    this.crashes.reset();
    this.stderrTail.clear();
    const old = this.client;
    this.client = undefined;
    if (old) {
      await old.dispose(5000).catch((error: unknown) => this.log.warn(`Stopping the server: ${messageOf(error)}`));
    }
    await this.start();
  }

  async requestStatus(): Promise<GptossStatus | undefined> {
    return this.running?.sendRequest<GptossStatus>('gptoss/status');
  }

  /** Records the user's approval of the workspace file with this content (its SHA-256, as the status showed it). */
  async approveWorkspaceFile(sha256: string): Promise<void> {
    const client = this.running;
    if (!client) {
      throw new Error('the language server is not running');
    }
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'gptoss.approveWorkspaceFile', arguments: [sha256] });
  }

  /** Result of the server's `gptoss.showContext` command, or a message saying why there is none. */
  async showContext(editor: vscode.TextEditor | undefined): Promise<{ result: unknown } | { message: string }> {
    const client = this.running;
    if (!client) {
      return { message: 'The gpt-oss language server is not running.' };
    }
    const args = editor
      ? [{ textDocument: { uri: editor.document.uri.toString() }, position: client.code2ProtocolConverter.asPosition(editor.selection.active) }]
      : [];
    try {
      return { result: await client.sendRequest(ExecuteCommandRequest.type, { command: 'gptoss.showContext', arguments: args }) };
    } catch (error) {
      if (error instanceof ResponseError) {
        return { message: `This gpt-oss server cannot show its context yet (it answered: ${error.message}).` };
      }
      throw error;
    }
  }

  async fetchMetrics(timeRange: string): Promise<MetricsPage> {
    const client = this.running;
    if (!client) {
      return { kind: 'unavailable', reason: 'the language server is not running.' };
    }
    try {
      return { kind: 'data', metrics: await client.sendRequest('gptoss/metrics', { timeRange }), timeRange };
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
        return { kind: 'unavailable', reason: 'this server version does not answer gptoss/metrics.' };
      }
      return { kind: 'error', message: messageOf(error) };
    }
  }

  async dispose(): Promise<void> {
    this.disposables.forEach((d) => d.dispose());
    const client = this.client;
    this.client = undefined;
    await client?.dispose(3000);
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: this.log,
      traceOutputChannel: this.log,
      // The server indexes a workspace only if the user trusts it (it cannot ask VS Code itself).
      initializationOptions: { gptoss: { ...currentServerConfig(), workspaceTrusted: vscode.workspace.isTrusted } },
      stdioOptions: {
        stdout: () => undefined,
        stderr: (input) =>
          readline.createInterface({ input, crlfDelay: Infinity, terminal: false, historySize: 0 }).on('line', (line) => {
            this.stderrTail.push(line);
            this.log.info(`[server] ${line}`);
          }),
      },
      initializationFailedHandler: (error) => {
        this.log.error(`The server failed to initialize: ${messageOf(error)}`);
        return false;
      },
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => {
          if (this.crashes.mayRestartAfterCrash(Date.now())) {
            this.log.warn(`The server stopped unexpectedly; restarting (${this.crashes.recentCrashes} crash(es) in the last 3 minutes).`);
            return { action: CloseAction.Restart, handled: true };
          }
          this.fail(`gpt-oss: the language server stopped after ${this.crashes.describe()} and will not be restarted.${this.tailText()}`, 'Show Log');
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      middleware: {
        provideInlineCompletionItems: (document, position, context, token, next) =>
          inlineEnabledFor(document.languageId) ? next(document, position, context, token) : null,
        workspace: {
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            return Array.isArray(answers) ? answers.map((answer, i) => (params.items[i]?.section === 'gptoss' ? currentServerConfig() : answer)) : answers;
          },
        },
      },
    };
  }

  /**
   * languageclient registers a VS Code command for every command the server lists in
   * `executeCommandProvider`; one with the id of a command contributed here would make that throw.
   */
  private keepClientCommandsOurs(client: LanguageClient): void {
    const feature = client.getFeature(ExecuteCommandRequest.method);
    const register = feature.register.bind(feature);
    feature.register = (data) =>
      register({ ...data, registerOptions: { ...data.registerOptions, commands: data.registerOptions.commands.filter((c) => !CLIENT_COMMANDS.includes(c)) } });
  }

  private configurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (event.affectsConfiguration('gptoss.java')) {
      void vscode.window.showInformationMessage('gpt-oss: Java settings changed; restart the language server to use them.', 'Restart').then((choice) => {
        if (choice === 'Restart') void this.restart();
      });
    } else if (event.affectsConfiguration('gptoss')) {
      this.sendConfiguration();
    }
  }

  private sendConfiguration(): void {
    void this.running
      ?.sendNotification(DidChangeConfigurationNotification.type, { settings: { gptoss: currentServerConfig() } })
      .catch((error: unknown) => this.log.warn(`Sending settings: ${messageOf(error)}`));
  }

  private tailText(): string {
    const tail = this.stderrTail.last(5);
    return tail.length ? ` Last lines of its log: ${tail.join(' ⏎ ')}` : '';
  }

  private fail(message: string, ...actions: string[]): void {
    this.lastFailure = message;
    this.log.error(message);
    this.onStatus(serverDownStatus(message));
    void vscode.window.showErrorMessage(message, ...actions).then((choice) => {
      if (choice === 'Show Log') this.log.show();
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'gptoss.java');
    });
  }
}

/**
 * Connection failures go to the log only: a crash is reported once, by the crash policy, with
 * the server's last log lines, instead of as several notifications per restart.
 */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
