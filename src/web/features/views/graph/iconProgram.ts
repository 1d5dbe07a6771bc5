/**
 * Nodes as pictograms: a disc in the node's colour with its type's icon in white, drawn as one
 * point sprite per node (one vertex, as cheap as sigma's plain points in software WebGL) that
 * samples the icon from a texture atlas. The icons are the app's own SVG paths (ui/icons.tsx),
 * stroked into the atlas in the page: nothing is fetched. Icons fade out on nodes drawn too
 * small to read them; picking uses the whole disc.
 */
import { NodeProgram } from 'sigma/rendering';
import type { ProgramInfo } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import { iconPath } from '../../../ui/icons.tsx';
import { ATLAS_ICONS, GRID } from './nodeIcons.ts';

/** Atlas cell size in pixels. */
const CELL = 64;

let atlas: HTMLCanvasElement | null = null;

/** White strokes on transparent cells, each icon inset so that it sits inside the disc. */
function atlasCanvas(): HTMLCanvasElement {
  if (atlas) return atlas;
  const c = document.createElement('canvas');
  c.width = c.height = GRID * CELL;
  const ctx = c.getContext('2d');
  if (ctx) {
    ctx.strokeStyle = '#ffffff';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ATLAS_ICONS.forEach((name, i) => {
      const scale = (CELL * 0.56) / 16;
      ctx.setTransform(scale, 0, 0, scale, (i % GRID) * CELL + CELL * 0.22, Math.floor(i / GRID) * CELL + CELL * 0.22);
      ctx.lineWidth = 1.9;
      ctx.stroke(new Path2D(iconPath(name)));
    });
  }
  atlas = c;
  return c;
}

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_icon;

uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;

varying vec4 v_color;
varying float v_border;
varying float v_icon;
varying float v_glyph;

const float bias = 255.0 / 254.0;

void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  v_border = (0.5 / a_size) * u_sizeRatio;
  v_icon = a_icon;
  // Icons are drawn on discs of 12 device pixels and more; below they would be a smudge.
  v_glyph = smoothstep(9.0, 14.0, gl_PointSize);
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying float v_border;
varying float v_icon;
varying float v_glyph;
uniform sampler2D u_atlas;

const float radius = 0.5;
const float grid = ${GRID.toFixed(1)};

void main(void) {
  vec2 m = gl_PointCoord - vec2(0.5, 0.5);
  float dist = radius - length(m);
  #ifdef PICKING_MODE
  gl_FragColor = dist > v_border ? v_color : vec4(0.0);
  #else
  float t = dist > v_border ? 1.0 : dist > 0.0 ? dist / v_border : 0.0;
  vec2 cell = vec2(mod(v_icon, grid), floor(v_icon / grid));
  float glyph = texture2D(u_atlas, (cell + gl_PointCoord) / grid).a * v_glyph;
  vec3 rgb = mix(v_color.rgb, vec3(1.0), glyph);
  // Premultiplied, as sigma blends (ONE, ONE_MINUS_SRC_ALPHA).
  gl_FragColor = vec4(rgb * v_color.a, v_color.a) * t;
  #endif
}
`;

type Uniform = 'u_sizeRatio' | 'u_pixelRatio' | 'u_matrix' | 'u_atlas';
const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const textures = new WeakMap<WebGLRenderingContext, WebGLTexture>();

function atlasTexture(gl: WebGLRenderingContext): WebGLTexture | null {
  let t = textures.get(gl);
  if (t) return t;
  const made = gl.createTexture();
  if (!made) return null;
  t = made;
  gl.bindTexture(gl.TEXTURE_2D, t);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, atlasCanvas());
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  textures.set(gl, t);
  return t;
}

export class NodeIconProgram extends NodeProgram<Uniform> {
  getDefinition() {
    return {
      VERTICES: 1,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: WebGLRenderingContext.POINTS,
      UNIFORMS: ['u_sizeRatio', 'u_pixelRatio', 'u_matrix', 'u_atlas'] as const,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_icon', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData & { icon?: number }) {
    const a = this.array;
    a[startIndex++] = data.x;
    a[startIndex++] = data.y;
    a[startIndex++] = data.size;
    a[startIndex++] = data.icon ?? 0;
    a[startIndex++] = floatColor(data.color);
    a[startIndex++] = nodeIndex;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<Uniform>) {
    gl.uniform1f(uniformLocations.u_pixelRatio, params.pixelRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, atlasTexture(gl));
    gl.uniform1i(uniformLocations.u_atlas, 0);
  }
}
