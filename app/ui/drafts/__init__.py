"""The drafts page: the list of local drafts and the editor for one of them."""
