;; The engine's WebAssembly SIMD kernels. Both reproduce the scalar JavaScript code bit for bit.
;;
;; matmul: C (n×m) = A (n×k) · B (k×m), f64, at byte offsets $c, $a, $b in this module's memory. B and C are
;; row-major with rows of m entries; entry (i, p) of A is at $a + i·$si + p·$sp bytes, so A may be stored
;; row-major ($si = 8k, $sp = 8) or transposed ($si = 8, $sp = 8n) without a copy.
;;
;; Blocks are 4 rows × 4 columns. When n or m is not a multiple of 4, the last blocks read up to 3 entries
;; past a row of B or 3 rows past A and write their extra results past the row end of C: into the first
;; columns of the next rows, which are written again afterwards because column blocks run from the last
;; to the first and row blocks from the first to the last, or into slack after C. The caller
;; (matmulWasm.ts) leaves that slack after each operand.
;;
;; Each output entry is a sum over p = 0 … k−1 in increasing order, starting from +0, with a separate
;; multiply and add (f64x2 lanes are IEEE operations, and there is no fused multiply-add), so every
;; entry is bit-identical to the scalar kernel in matmulBlocked.ts. SIMD runs across columns j, never
;; across p. A 4×4 block keeps 8 f64x2 accumulators; each step over p loads 4 scalars of A and two
;; vectors of B for 16 multiply-adds.
(module
  (memory (export "memory") 1)
  (func (export "matmul")
    (param $c i32) (param $a i32) (param $b i32) (param $n i32) (param $k i32) (param $m i32)
    (param $si i32) (param $sp i32)
    (local $i i32) (local $j i32) (local $p i32) (local $jLast i32)
    (local $rowA i32) (local $ka i32) (local $ka2 i32) (local $ka3 i32) (local $mb i32)
    (local $pa i32) (local $pb i32) (local $pc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $ka (local.get $si))
    (local.set $ka2 (i32.shl (local.get $ka) (i32.const 1)))
    (local.set $ka3 (i32.add (local.get $ka2) (local.get $ka)))
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (local.set $i (i32.const 0))
    (block $doneI
      (loop $loopI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $rowA (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ka))))
        (local.set $jLast (i32.and (i32.sub (local.get $m) (i32.const 1)) (i32.const -4)))
        (local.set $j (local.get $jLast))
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.lt_s (local.get $j) (i32.const 0)))
            (local.set $c00 (v128.const f64x2 0 0))
            (local.set $c01 (v128.const f64x2 0 0))
            (local.set $c10 (v128.const f64x2 0 0))
            (local.set $c11 (v128.const f64x2 0 0))
            (local.set $c20 (v128.const f64x2 0 0))
            (local.set $c21 (v128.const f64x2 0 0))
            (local.set $c30 (v128.const f64x2 0 0))
            (local.set $c31 (v128.const f64x2 0 0))
            (local.set $pa (local.get $rowA))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $p (i32.const 0))
            (block $doneP
              (loop $loopP
                (br_if $doneP (i32.ge_u (local.get $p) (local.get $k)))
                (local.set $b0 (v128.load (local.get $pb)))
                (local.set $b1 (v128.load offset=16 (local.get $pb)))
                (local.set $x (f64x2.splat (f64.load (local.get $pa))))
                (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $x (f64x2.splat (f64.load (i32.add (local.get $pa) (local.get $ka)))))
                (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $x (f64x2.splat (f64.load (i32.add (local.get $pa) (local.get $ka2)))))
                (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $x (f64x2.splat (f64.load (i32.add (local.get $pa) (local.get $ka3)))))
                (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $pa (i32.add (local.get $pa) (local.get $sp)))
                (local.set $pb (i32.add (local.get $pb) (local.get $mb)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopP)))
            (local.set $pc
              (i32.add (local.get $c)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $m)) (local.get $j)) (i32.const 3))))
            (v128.store (local.get $pc) (local.get $c00))
            (v128.store offset=16 (local.get $pc) (local.get $c01))
            (local.set $pc (i32.add (local.get $pc) (local.get $mb)))
            (v128.store (local.get $pc) (local.get $c10))
            (v128.store offset=16 (local.get $pc) (local.get $c11))
            (local.set $pc (i32.add (local.get $pc) (local.get $mb)))
            (v128.store (local.get $pc) (local.get $c20))
            (v128.store offset=16 (local.get $pc) (local.get $c21))
            (local.set $pc (i32.add (local.get $pc) (local.get $mb)))
            (v128.store (local.get $pc) (local.get $c30))
            (v128.store offset=16 (local.get $pc) (local.get $c31))
            (local.set $j (i32.sub (local.get $j) (i32.const 4)))
            (br $loopJ)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $loopI))))
  ;; tanh: x ← tanh x in place for `count` f64 at byte offset $ptr, two lanes at a time (an odd count
  ;; also rewrites the f64 after the last one, which the caller leaves as slack). Each lane performs
  ;; exactly the operations of tanh() in src/engine/core/tanh.ts, in the same order; see that file
  ;; for the method and its accuracy. 2ᵏ is built from its exponent bits instead of a table.
  (func (export "tanh") (param $ptr i32) (param $count i32)
    (local $end i32) (local $x v128) (local $a v128) (local $y v128) (local $k v128)
    (local $hi v128) (local $lo v128) (local $r v128) (local $c v128)
    (local $r2 v128) (local $r4 v128) (local $r8 v128) (local $q v128) (local $em v128) (local $e v128)
    (local $p v128) (local $pe v128) (local $th v128)
    (local.set $end (i32.add (local.get $ptr) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (local.set $x (v128.load (local.get $ptr)))
        (local.set $a (f64x2.abs (local.get $x)))
        (local.set $y (f64x2.mul (v128.const f64x2 -2 -2) (local.get $a)))
        (local.set $k (f64x2.ceil (f64x2.sub
          (f64x2.mul (local.get $y) (v128.const f64x2 0x1.71547652b82fep+0 0x1.71547652b82fep+0))
          (v128.const f64x2 0.5 0.5))))
        (local.set $hi (f64x2.sub (local.get $y)
          (f64x2.mul (local.get $k) (v128.const f64x2 0x1.62e42fee00000p-1 0x1.62e42fee00000p-1))))
        (local.set $lo (f64x2.mul (local.get $k) (v128.const f64x2 0x1.a39ef35793c76p-33 0x1.a39ef35793c76p-33)))
        (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
        (local.set $c (f64x2.sub (f64x2.sub (local.get $hi) (local.get $r)) (local.get $lo)))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
        (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
        (local.set $q
          (f64x2.add
            (f64x2.add
              (f64x2.add
                (f64x2.add (v128.const f64x2 0x1.0000000000000p-1 0x1.0000000000000p-1) (f64x2.mul (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3) (local.get $r)))
                (f64x2.mul (local.get $r2)
                  (f64x2.add (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5) (f64x2.mul (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7) (local.get $r)))))
              (f64x2.mul (local.get $r4)
                (f64x2.add
                  (f64x2.add (v128.const f64x2 0x1.6c16c16c16c17p-10 0x1.6c16c16c16c17p-10) (f64x2.mul (v128.const f64x2 0x1.a01a01a01a01ap-13 0x1.a01a01a01a01ap-13) (local.get $r)))
                  (f64x2.mul (local.get $r2)
                    (f64x2.add (v128.const f64x2 0x1.a01a01a01a01ap-16 0x1.a01a01a01a01ap-16) (f64x2.mul (v128.const f64x2 0x1.71de3a556c734p-19 0x1.71de3a556c734p-19) (local.get $r)))))))
            (f64x2.mul (local.get $r8)
              (f64x2.add
                (f64x2.add (v128.const f64x2 0x1.27e4fb7789f5cp-22 0x1.27e4fb7789f5cp-22) (f64x2.mul (v128.const f64x2 0x1.ae64567f544e4p-26 0x1.ae64567f544e4p-26) (local.get $r)))
                (f64x2.mul (local.get $r2)
                  (f64x2.add (v128.const f64x2 0x1.1eed8eff8d898p-29 0x1.1eed8eff8d898p-29) (f64x2.mul (v128.const f64x2 0x1.6124613a86d09p-33 0x1.6124613a86d09p-33) (local.get $r))))))))
        (local.set $em (f64x2.add (local.get $r) (f64x2.mul (local.get $r2) (local.get $q))))
        (local.set $e (f64x2.add (local.get $em)
          (f64x2.add (local.get $c) (f64x2.mul (local.get $c) (local.get $em)))))
        ;; p = 2^k from the exponent field; lanes with |x| ≥ 20 get garbage here and are replaced below.
        (local.set $p (i64x2.shl
          (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k))) (v128.const i64x2 1023 1023))
          (i32.const 52)))
        (local.set $pe (f64x2.mul (local.get $p) (local.get $e)))
        (local.set $th (f64x2.div
          (f64x2.sub (f64x2.sub (v128.const f64x2 1 1) (local.get $p)) (local.get $pe))
          (f64x2.add (f64x2.add (v128.const f64x2 1 1) (local.get $p)) (local.get $pe))))
        (local.set $th (v128.bitselect (v128.const f64x2 1 1) (local.get $th)
          (f64x2.ge (local.get $a) (v128.const f64x2 20 20))))
        (local.set $th (v128.or (local.get $th)
          (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
        (v128.store (local.get $ptr)
          (v128.bitselect (local.get $th) (local.get $x)
            (f64x2.ge (local.get $a) (v128.const f64x2 0x1p-27 0x1p-27))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 16)))
        (br $next)))))
