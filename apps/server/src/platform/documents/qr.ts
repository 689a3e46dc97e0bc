/** QR codes for printed documents (guides, notices, receipts): a PNG that pdfkit can place. */
import QRCode from 'qrcode';

/**
 * A PNG of the QR code of `url`, error correction level M (15 %: survives a stamp or a crease).
 * `scale` pixels per module; the image is scaled down when placed, so keep it sharp.
 */
export async function qrPng(url: string, { scale = 8, margin = 1 }: { scale?: number; margin?: number } = {}): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', scale, margin, color: { dark: '#000000', light: '#ffffff' } });
}
