import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { MetricsPage, metricsHtml } from './metricsRender';

export const METRICS_TIME_RANGE = '1h';

/** What a metrics request ended in, already sorted into the page to show. */
export type MetricsFetch = () => Promise<MetricsPage>;

/** One webview panel, reused; "Refresh" in the page asks the server again. */
export class MetricsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly fetchMetrics: MetricsFetch) {}

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      this.panel = vscode.window.createWebviewPanel('gptoss.metrics', 'gpt-oss metrics', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message?.type === 'refresh') {
          void this.refresh();
        }
      });
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    this.setPage({ kind: 'loading' });
    this.setPage(await this.fetchMetrics());
  }

  private setPage(page: MetricsPage): void {
    if (this.panel) {
      this.panel.webview.html = metricsHtml(page, crypto.randomBytes(16).toString('base64'));
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
