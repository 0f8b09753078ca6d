/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpstate's register windows: load vector registers from a pattern, make
 * one system call (or none), spin, touch memory, store the registers.
 * Nothing between the load and the store may use them, hence assembly.
 *
 * long fp_ymm_call(const struct fp_regs *in, struct fp_regs *out,
 *                  const struct fp_call *c);   ymm0-15
 * long fp_zmm_call(...same...);                zmm0-31 (needs avx512f)
 * Both return the system call's result (0 when c->nr < 0).
 */

/* struct fp_call, as in fpstate.c */
#define CALL_NR 0
#define CALL_A1 8
#define CALL_A2 16
#define CALL_A3 24
#define CALL_SPIN 32
#define CALL_TOUCH 40

/* struct fp_regs: 32 registers of 64 bytes each */
#define REG(n) ((n) * 64)

	.text

/* In: %r13 = struct fp_call *. Out: %rbx = result. Clobbers rax, rcx, rdx, rdi, rsi, r11. */
.macro do_call
	mov CALL_NR(%r13), %rax
	xor %ebx, %ebx
	test %rax, %rax
	js 1f
	mov CALL_A1(%r13), %rdi
	mov CALL_A2(%r13), %rsi
	mov CALL_A3(%r13), %rdx
	syscall
	mov %rax, %rbx
1:	mov CALL_SPIN(%r13), %rcx
2:	test %rcx, %rcx
	jz 3f
	dec %rcx
	jmp 2b
3:	mov CALL_TOUCH(%r13), %rcx
	test %rcx, %rcx
	jz 4f
	movb $1, (%rcx)
4:
.endm

.macro prologue
	push %rbx
	push %r12
	push %r13
	mov %rsi, %r12
	mov %rdx, %r13
.endm

.macro epilogue
	vzeroupper
	mov %rbx, %rax
	pop %r13
	pop %r12
	pop %rbx
	ret
.endm

	.globl fp_ymm_call
	.type fp_ymm_call, @function
fp_ymm_call:
	prologue
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	vmovdqu REG(\n)(%rdi), %ymm\n
	.endr
	do_call
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	vmovdqu %ymm\n, REG(\n)(%r12)
	.endr
	epilogue
	.size fp_ymm_call, .-fp_ymm_call

	.globl fp_zmm_call
	.type fp_zmm_call, @function
fp_zmm_call:
	prologue
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	vmovdqu64 REG(\n)(%rdi), %zmm\n
	.endr
	do_call
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	vmovdqu64 %zmm\n, REG(\n)(%r12)
	.endr
	epilogue
	.size fp_zmm_call, .-fp_zmm_call

	.section .note.GNU-stack, "", @progbits
