/* Generates double-format-glibc.csv: the oracle for DoubleFormatTest. Build with cc and run; output to stdout. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
static uint64_t s = 0x9E3779B97F4A7C15ull;
static uint64_t next(void){ s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static void emit(double d){ uint64_t b; memcpy(&b,&d,8); printf("%016llx,%.17g\n",(unsigned long long)b,d); }
int main(void){
  double fixed[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 3.14, 100.0, 1e16, 1e17, 1e20, 1e-4, 1e-5, 1.5e-7,
    123456789012345678.0, 9007199254740993.0, 2.5, 1.0/3, 2.0/3, 1e308, 5e-324, 2.2250738585072014e-308,
    99999999999999999.0, 0.00012345, 1234567.125, 4.35, 1e15+0.3, 65536.0, -2.5e-3};
  for (unsigned i=0;i<sizeof(fixed)/sizeof(fixed[0]);i++) emit(fixed[i]);
  for (int i=0;i<300;i++){ uint64_t b=next(); double d; memcpy(&d,&b,8); if (d!=d || d-d!=0) continue; emit(d);}  /* raw bit patterns */
  for (int i=0;i<300;i++){ double d = (double)(int64_t)(next()>>20) / (double)(1 + (next() % 100000)); emit(d);} /* everyday magnitudes */
  for (int i=0;i<100;i++){ double d = (double)(next() % 1000000) / 1000.0; emit(d);} /* scores with 3 decimals */
  return 0;
}
