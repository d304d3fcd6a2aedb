import * as vscode from 'vscode';
import { GptossClient, inlineEnabledFor, messageOf, section } from './gptossClient';
import { METRICS_TIME_RANGE, MetricsView } from './metricsView';
import { approvalQuestion, pendingApproval } from './statusRender';
import { StatusView, showStatusDetails } from './statusView';

let server: GptossClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('gpt-oss', { log: true });
  const statusView = new StatusView(() => inlineEnabledFor(vscode.window.activeTextEditor?.document.languageId ?? ''));
  server = new GptossClient(context.extensionPath, log, (status) => statusView.update(status));
  const client = server;
  const metricsView = new MetricsView(() => client.fetchMetrics(METRICS_TIME_RANGE));
  context.subscriptions.push(log, statusView, metricsView);

  const command = (id: string, run: () => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async () => {
        try {
          await run();
        } catch (error) {
          void vscode.window.showErrorMessage(`gpt-oss: ${messageOf(error)}`);
        }
      }),
    );

  command('gptoss.toggleInlineCompletions', async () => {
    const inspected = section().inspect<boolean>('inlineCompletion.enable');
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const enabled = section().get<boolean>('inlineCompletion.enable') !== false;
    await section().update('inlineCompletion.enable', !enabled, target);
    void vscode.window.showInformationMessage(`gpt-oss inline completions ${enabled ? 'off' : 'on'}.`);
  });
  command('gptoss.showStatus', async () => {
    const status = (await client.requestStatus().catch(() => undefined)) ?? statusView.current;
    if (status) {
      statusView.update(status);
      await showStatusDetails(status, { showLog: () => log.show() });
    } else {
      log.show();
    }
  });
  command('gptoss.showContext', async () => {
    const answer = await client.showContext(vscode.window.activeTextEditor);
    if ('message' in answer) {
      void vscode.window.showInformationMessage(answer.message);
      return;
    }
    const markdown = typeof answer.result === 'string';
    const document = await vscode.workspace.openTextDocument({
      language: markdown ? 'markdown' : 'json',
      content: markdown ? (answer.result as string) : JSON.stringify(answer.result, null, 2),
    });
    await vscode.window.showTextDocument(document, { preview: false });
  });
  command('gptoss.showMetrics', () => metricsView.show());
  command('gptoss.approveWorkspaceFile', async () => {
    const file = pendingApproval((await client.requestStatus().catch(() => undefined)) ?? statusView.current);
    if (!file?.sha256) {
      void vscode.window.showInformationMessage('gpt-oss: no workspace .gptoss.json is waiting for approval.');
      return;
    }
    const question = approvalQuestion(file);
    const choice = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, 'Approve');
    if (choice === 'Approve') {
      await client.approveWorkspaceFile(file.sha256);
      void vscode.window.showInformationMessage(`gpt-oss: approved ${file.path}.`);
    }
  });
  command('gptoss.restartServer', () => client.restart());

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gptoss.inlineCompletion') && statusView.render()),
    vscode.window.onDidChangeActiveTextEditor(() => statusView.render()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
