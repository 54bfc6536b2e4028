import Taro from '@tarojs/taro';
import type { DownloadedFile } from '@/services/api';

/**
 * Hands a downloaded export to the person: in the browser as a saved file named `fileName`; in the
 * mini program an XLSX opens in WeChat's viewer (whose menu can forward or save it) and a CSV, which
 * that viewer cannot show, is offered to send to a chat (文件传输助手 reaches the computer).
 */
export async function saveDownload(file: DownloadedFile, fileName: string): Promise<void> {
  if (file.kind === 'blob') {
    const url = URL.createObjectURL(file.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  if (fileName.endsWith('.xlsx')) {
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  await Taro.shareFileMessage({ filePath: file.tempFilePath, fileName });
}
