// PostGraphile 5 declares Node 22 and uses Promise.withResolvers, which Node 20 lacks.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((yes, no) => ((resolve = yes), (reject = no)));
    return { promise, resolve, reject };
  };
}
