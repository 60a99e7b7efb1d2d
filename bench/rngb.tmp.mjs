class X { constructor(){this.a=1;this.b=2;this.c=3;this.d=4;}
  next(){ const b=this.b; const r=Math.imul(b,5); const result=Math.imul((r<<7)|(r>>>25),9); const t=b<<9;
   let a=this.a, c=this.c, d=this.d; c^=a; d^=b; const nb = b ^ c; a^=d; c^=t; d=(d<<11)|(d>>>21);
   this.a=a; this.b=nb; this.c=c; this.d=d; return (result>>>0)*2.3283064365386963e-10; } }
class M { constructor(){this.s=12345;}
  next(){ let t=(this.s = (this.s + 0x6D2B79F5)|0); t=Math.imul(t^(t>>>15), t|1); t^=t+Math.imul(t^(t>>>7), t|61); return ((t^(t>>>14))>>>0)*2.3283064365386963e-10; } }
class S { constructor(){this.a=1;this.b=2;this.c=3;this.d=4;}
  next(){ let a=this.a,b=this.b,c=this.c,d=this.d; const t=(((a+b)|0)+d)|0; d=(d+1)|0; a=b^(b>>>9); b=(c+(c<<3))|0; c=(c<<21)|(c>>>11); c=(c+t)|0; this.a=a;this.b=b;this.c=c;this.d=d; return (t>>>0)*2.3283064365386963e-10; } }
for (const G of [X, M, S, X, M, S]) { const g = new G(); let s=0; const t=performance.now(); for(let i=0;i<1e7;i++) s+=g.next(); console.log(G.name, ((performance.now()-t)/1e7*1e6).toFixed(2),'ns', s); }
