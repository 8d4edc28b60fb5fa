"""makemore_lib: the small library behind the makemore book (a bigram character-level language model); one
module per idea, described in ARCHITECTURE.md. Here: the functions the chapters use."""

from .counting import bigram_pairs, count_bigrams, top_bigrams
from .data import load_names, split_names
from .loss import counts_nll, name_nll, score_name
from .neural import forward, init_weights, net_probs, train_counts
from .probabilities import bigram_probs, uniform_probs
from .sampling import sample_names
from .vocabulary import bigrams, chars, itos, stoi, vocab_size

__version__ = "0.1.0"

__all__ = [
    "bigram_pairs", "bigram_probs", "bigrams", "chars", "count_bigrams", "counts_nll", "forward", "init_weights", "itos", "load_names", "name_nll", "net_probs", "sample_names",
    "score_name", "split_names", "stoi", "top_bigrams", "train_counts", "uniform_probs",
    "vocab_size",
]
