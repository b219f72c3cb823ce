"""Grouping similar questions, so staff see what visitors want that the article lacks."""

from __future__ import annotations

import numpy as np

from retrieval.encoder import Encoder, Vectors

DEFAULT_SIMILARITY = 0.6


def group_vectors(vectors: Vectors, *, threshold: float = DEFAULT_SIMILARITY) -> list[list[int]]:
    """Rows grouped by cosine similarity, largest group first.

    Greedy and deterministic: each row joins the group whose (normalised) centroid it is most
    similar to, if that similarity reaches ``threshold``; otherwise it starts a new group.
    Rows must be unit length. Ties in size keep the order of first appearance.
    """
    groups: list[list[int]] = []
    sums: list[Vectors] = []
    for row, vector in enumerate(vectors):
        if sums:
            centroids = np.stack(sums)
            centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
            similarity = centroids @ vector
            best = int(np.argmax(similarity))
            if similarity[best] >= threshold:
                groups[best].append(row)
                sums[best] = sums[best] + vector
                continue
        groups.append([row])
        sums.append(vector.astype(np.float32, copy=True))
    return sorted(groups, key=len, reverse=True)


def group_questions(
    questions: list[str], encoder: Encoder, *, threshold: float = DEFAULT_SIMILARITY
) -> list[list[int]]:
    """Positions of the questions grouped by meaning with the loaded model, largest first."""
    if not questions:
        return []
    return group_vectors(encoder.encode(questions), threshold=threshold)
