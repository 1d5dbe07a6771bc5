/**
 * A directed edge drawn as plain triangles — a thick segment (two triangles) and an arrow head
 * (one) — nine vertices per edge in one ordinary draw call.
 *
 * Why not sigma's own arrow program: that one is instanced (drawArraysInstanced). On renderers
 * that process instances one at a time — SwiftShader, the software WebGL that browsers fall back
 * to on machines without a usable GPU, e.g. virtual desktops — every instance carries a fixed
 * cost, so 15,000 arrows took over a second a frame where the same triangles drawn flat take a
 * few tens of milliseconds. On a real GPU the two are equivalent.
 */
import { EdgeProgram } from 'sigma/rendering';
import type { ProgramInfo } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute vec2 a_normal;
attribute float a_radius;
attribute vec2 a_head;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;

varying vec4 v_color;

const float bias = 255.0 / 254.0;

void main() {
  // a_normal: across the segment, as long as the edge's size;
  // a_head: (how far back from the target's rim, how far sideways), in thicknesses;
  // a_radius: the target's size for vertices at the target end (0 at the source end).
  float normalLength = length(a_normal);
  vec2 unitNormal = normalLength > 0.0 ? a_normal / normalLength : vec2(0.0);
  vec2 towardTarget = vec2(unitNormal.y, -unitNormal.x);
  float thickness = max(normalLength / u_sizeRatio, u_minEdgeThickness) * u_correctionRatio;
  float rim = a_radius * 2.0 * u_correctionRatio / u_sizeRatio;
  vec2 offset = unitNormal * thickness * a_head.y - towardTarget * (rim + thickness * a_head.x);
  gl_Position = vec4((u_matrix * vec3(a_position + offset, 1)).xy, 0, 1);

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
void main(void) {
  gl_FragColor = v_color;
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
/**
 * Arrow head length and half-width, in multiples of the edge's width. The segment is as wide as
 * the edge's size in pixels (at least minEdgeThickness), like a canvas line's width.
 */
const HEAD_LENGTH = 5;
const HEAD_HALF_WIDTH = 1.5;

export class FlatArrowEdgeProgram extends EdgeProgram<
  'u_matrix' | 'u_sizeRatio' | 'u_correctionRatio' | 'u_minEdgeThickness'
> {
  getDefinition() {
    return {
      VERTICES: 9,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS: ['u_matrix', 'u_sizeRatio', 'u_correctionRatio', 'u_minEdgeThickness'] as const,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_normal', size: 2, type: FLOAT },
        { name: 'a_radius', size: 1, type: FLOAT },
        { name: 'a_head', size: 2, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    source: { x: number; y: number },
    target: { x: number; y: number; size: number },
    data: { size: number; color: string },
  ) {
    const a = this.array;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const len = Math.hypot(dx, dy) || 1;
    // Across the segment, as long as the edge's size (its width in pixels at zoom 1).
    const nx = (-dy / len) * data.size;
    const ny = (dx / len) * data.size;
    const color = floatColor(data.color);
    let i = startIndex;
    const put = (x: number, y: number, radius: number, back: number, side: number) => {
      a[i++] = x;
      a[i++] = y;
      a[i++] = nx;
      a[i++] = ny;
      a[i++] = radius;
      a[i++] = back;
      a[i++] = side;
      a[i++] = color;
      a[i++] = edgeIndex;
    };
    // The segment, from the source's centre to the foot of the arrow head (a quad: two triangles).
    const r = target.size;
    put(source.x, source.y, 0, 0, 0.5);
    put(source.x, source.y, 0, 0, -0.5);
    put(target.x, target.y, r, HEAD_LENGTH, 0.5);
    put(target.x, target.y, r, HEAD_LENGTH, 0.5);
    put(source.x, source.y, 0, 0, -0.5);
    put(target.x, target.y, r, HEAD_LENGTH, -0.5);
    // The head: its tip on the target's rim, its base HEAD_LENGTH thicknesses back.
    put(target.x, target.y, r, 0, 0);
    put(target.x, target.y, r, HEAD_LENGTH, HEAD_HALF_WIDTH);
    put(target.x, target.y, r, HEAD_LENGTH, -HEAD_HALF_WIDTH);
  }

  setUniforms(
    params: RenderParams,
    { gl, uniformLocations }: ProgramInfo<'u_matrix' | 'u_sizeRatio' | 'u_correctionRatio' | 'u_minEdgeThickness'>,
  ) {
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_minEdgeThickness, params.minEdgeThickness);
  }
}
