"""Exercise content: cards, routines and the programme, parsed, validated and rendered."""
