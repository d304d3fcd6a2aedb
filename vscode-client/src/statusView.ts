import * as vscode from 'vscode';
import { fixCommand, GptossStatus, instanceLine, pendingApproval, renderStatus } from './statusRender';

/** The one status-bar item, fed by the server's `gptoss/status` notification. */
export class StatusView implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private status: GptossStatus | undefined;

  constructor(private readonly inlineCompletionEnabled: () => boolean) {
    this.item = vscode.window.createStatusBarItem('gptoss.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'gpt-oss';
    this.item.command = 'gptoss.showStatus';
    this.render();
    this.item.show();
  }

  get current(): GptossStatus | undefined {
    return this.status;
  }

  update(status: GptossStatus | undefined): void {
    this.status = status;
    this.render();
  }

  render(): void {
    const rendered = renderStatus(this.status, { inlineCompletionEnabled: this.inlineCompletionEnabled() });
    this.item.text = rendered.text;
    this.item.tooltip = rendered.tooltip;
    this.item.accessibilityInformation = { label: rendered.ariaLabel };
    this.item.backgroundColor =
      rendered.severity === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : rendered.severity === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

interface StatusPick extends vscode.QuickPickItem {
  run?: () => unknown;
}

/** Details of one status answer, with the fix (if any) as something to copy or run. */
export async function showStatusDetails(status: GptossStatus, commands: { showLog: () => void }): Promise<void> {
  const items: StatusPick[] = [{ label: status.message || `gpt-oss: ${status.state ?? 'unknown'}`, kind: vscode.QuickPickItemKind.Separator }];
  for (const instance of status.instances ?? []) {
    items.push({
      label: `$(server) ${instanceLine(instance).split(': ')[0]}`,
      description: instanceLine(instance).split(': ').slice(1).join(': '),
      detail: [instance.url, instance.api, instance.promptMode && `prompt ${instance.promptMode}`].filter(Boolean).join(' · '),
    });
  }
  const pending = pendingApproval(status);
  if (pending) {
    items.push({ label: 'Workspace configuration', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: '$(shield) Review and approve the workspace\'s endpoints',
      detail: `${pending.path} is not used for endpoints until you approve it`,
      run: () => vscode.commands.executeCommand('gptoss.approveWorkspaceFile'),
    });
  }
  // The terminal command for an approval is the item above, in VS Code.
  const fix = fixCommand(status.fix?.split('\n').filter((line) => !line.startsWith('gptoss-ls trust ')).join('\n'));
  if (fix) {
    items.push({ label: 'Fix', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: `$(terminal) Run \`${fix}\` in a terminal`,
      detail: status.fix ?? undefined,
      run: () => {
        const terminal = vscode.window.createTerminal('gpt-oss fix');
        terminal.show();
        terminal.sendText(fix, true);
      },
    });
    items.push({
      label: `$(copy) Copy \`${fix}\``,
      run: async () => {
        await vscode.env.clipboard.writeText(fix);
        void vscode.window.showInformationMessage(`Copied: ${fix}`);
      },
    });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: '$(output) Show server log', run: commands.showLog });
  items.push({ label: '$(graph) Show metrics', run: () => vscode.commands.executeCommand('gptoss.showMetrics') });
  items.push({ label: '$(debug-restart) Restart language server', run: () => vscode.commands.executeCommand('gptoss.restartServer') });
  items.push({ label: '$(sparkle) Toggle inline completions', run: () => vscode.commands.executeCommand('gptoss.toggleInlineCompletions') });

  const picked = await vscode.window.showQuickPick(items, { title: `gpt-oss: ${status.state ?? 'unknown'}`, placeHolder: status.message });
  await picked?.run?.();
}
