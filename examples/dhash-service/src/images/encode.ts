import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import type { RgbaImage } from '../dhash.js';

export function encodePng(image: RgbaImage): Buffer {
  const png = new pngjs.PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return pngjs.PNG.sync.write(png, { colorType: 2 });
}

export function encodeJpeg(image: RgbaImage, quality = 85): Buffer {
  return jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data;
}
